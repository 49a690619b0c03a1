import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { Sampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { Tracing } from '@keel/context';
import type { PlatformModuleOptions } from '../platform-options.interface';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { processTracingSettings } from './tracing.settings';

function samplerOf({ parentBased, ratio }: { parentBased: boolean; ratio: number }): Sampler {
  const root =
    ratio >= 1 ? new AlwaysOnSampler() : ratio <= 0 ? new AlwaysOffSampler() : new TraceIdRatioBasedSampler(ratio);
  return parentBased ? new ParentBasedSampler({ root }) : root;
}

/**
 * The OpenTelemetry SDK, when `OTEL_*` asks for traces (see `tracingSettings`): a tracer provider
 * exporting OTLP over HTTP (protobuf, or JSON with `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`),
 * registered globally so that in-process libraries using `@opentelemetry/api` join the same traces.
 * Spans are started by hand where Keel knows what they mean (the inbound request, each downstream
 * attempt), not by monkey-patching modules.
 */
@Injectable()
export class TracingService implements OnApplicationShutdown {
  private readonly provider: NodeTracerProvider | undefined;

  constructor(@Inject(PLATFORM_OPTIONS) options: PlatformModuleOptions) {
    const settings = processTracingSettings(options.service ?? 'keel');
    if (!settings.enabled) return;
    const exporter =
      settings.protocol === 'http/json'
        ? new OtlpJsonExporter({ url: settings.endpoint })
        : new OtlpProtobufExporter({ url: settings.endpoint });
    this.provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
      sampler: samplerOf(settings.sampler),
      spanProcessors: [new BatchSpanProcessor(exporter)],
    });
    this.provider.register();
    Tracing.tracer = this.provider.getTracer('keel');
    new Logger('Tracing').log({
      msg: 'exporting traces over OTLP',
      service: settings.serviceName,
      endpoint: settings.endpoint,
      protocol: settings.protocol,
    });
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
