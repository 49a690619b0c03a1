import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { Tracing } from '@keel/context';
import type { PlatformModuleOptions } from '../platform-options.interface';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { tracingEnabled } from './tracing.config';

/**
 * The OpenTelemetry SDK, when `OTEL_*` asks for traces: a tracer provider exporting OTLP over HTTP
 * (the exporter reads `OTEL_EXPORTER_OTLP_*` itself), registered globally so that in-process
 * libraries that use `@opentelemetry/api` join the same traces. Spans are started by hand where
 * Keel knows what they mean (the inbound request, each downstream attempt), not by monkey-patching.
 */
@Injectable()
export class TracingService implements OnApplicationShutdown {
  private readonly provider: NodeTracerProvider | undefined;

  constructor(@Inject(PLATFORM_OPTIONS) options: PlatformModuleOptions) {
    if (!tracingEnabled()) return;
    const service = process.env['OTEL_SERVICE_NAME']?.trim() || options.service || 'keel';
    this.provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    });
    this.provider.register();
    Tracing.tracer = this.provider.getTracer('keel');
    new Logger('Tracing').log({ msg: 'exporting traces over OTLP', service });
  }

  get enabled(): boolean {
    return this.provider !== undefined;
  }

  /** Sends what is buffered; tests call it before reading their collector. */
  async flush(): Promise<void> {
    await this.provider?.forceFlush();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.provider) return;
    Tracing.tracer = undefined;
    await this.provider.shutdown().catch(() => undefined);
    trace.disable();
  }
}
