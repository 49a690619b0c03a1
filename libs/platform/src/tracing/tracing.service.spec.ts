import { Logger } from '@nestjs/common';
import { Tracing } from '@keel/context';
import type { PlatformModuleOptions } from '../platform-options.interface';
import { TracingService } from './tracing.service';

// TracingService reads the standard OTEL_* variables of the process; each test sets its own.
const OTEL_VARIABLES = [
  'OTEL_SDK_DISABLED',
  'OTEL_TRACES_EXPORTER',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
  'OTEL_SERVICE_NAME',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
];
// Nothing listens there; no test ends a span, so nothing is ever exported.
const ENDPOINT = 'http://127.0.0.1:9';
const options = { service: 'spec-service' } as PlatformModuleOptions;

describe(TracingService.name, () => {
  const saved = Object.fromEntries(OTEL_VARIABLES.map((name) => [name, process.env[name]]));
  let log: jest.SpyInstance;
  let started: TracingService[];

  beforeEach(() => {
    for (const name of OTEL_VARIABLES) delete process.env[name];
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    started = [];
  });
  afterEach(async () => {
    await Promise.all(started.map((service) => service.onApplicationShutdown()));
    log.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const start = () => {
    const service = new TracingService(options);
    started.push(service);
    return service;
  };

  it('stays off without any OTEL_* variable: no tracer, and flush and shutdown do nothing', async () => {
    // Act
    const service = start();
    await service.flush();
    await service.onApplicationShutdown();

    // Assert
    expect(service.enabled).toBe(false);
    expect(Tracing.tracer).toBeUndefined();
    expect(log).not.toHaveBeenCalled();
  });

  it('stays off with OTEL_SDK_DISABLED=true, whatever else is set', () => {
    // Arrange
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = ENDPOINT;
    process.env['OTEL_SDK_DISABLED'] = 'true';

    // Act
    const service = start();

    // Assert
    expect(service.enabled).toBe(false);
    expect(Tracing.tracer).toBeUndefined();
  });

  it('installs a recording tracer for the service when an OTLP endpoint is set, and says where it exports', () => {
    // Arrange
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = ENDPOINT;

    // Act
    const service = start();
    const span = Tracing.tracer?.startSpan('probe');

    // Assert
    expect(service.enabled).toBe(true);
    expect(span?.isRecording()).toBe(true);
    expect(log).toHaveBeenCalledWith({
      msg: 'exporting traces over OTLP',
      service: 'spec-service',
      endpoint: `${ENDPOINT}/v1/traces`,
      protocol: 'http/protobuf',
    });
  });

  it('uses OTEL_SERVICE_NAME, the JSON protocol and the sampler the variables ask for', () => {
    // Arrange
    process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] = `${ENDPOINT}/custom`;
    process.env['OTEL_EXPORTER_OTLP_PROTOCOL'] = 'http/json';
    process.env['OTEL_SERVICE_NAME'] = 'renamed';
    process.env['OTEL_TRACES_SAMPLER'] = 'always_off';

    // Act
    start();
    const span = Tracing.tracer?.startSpan('probe');

    // Assert
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ service: 'renamed', endpoint: `${ENDPOINT}/custom`, protocol: 'http/json' }),
    );
    expect(span).toBeDefined();
    expect(span?.isRecording()).toBe(false);
  });

  it('removes its tracer at shutdown, so spans cost nothing again', async () => {
    // Arrange
    process.env['OTEL_TRACES_EXPORTER'] = 'otlp';
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = ENDPOINT;
    const service = start();
    const installed = Tracing.tracer;

    // Act
    await service.onApplicationShutdown();

    // Assert
    expect(installed).toBeDefined();
    expect(Tracing.tracer).toBeUndefined();
  });

  it('stops the start naming the variable when one is malformed', () => {
    // Arrange
    process.env['OTEL_TRACES_EXPORTER'] = 'zipkin';

    // Act
    const act = () => start();

    // Assert
    expect(act).toThrow(/^OTEL_TRACES_EXPORTER: only "otlp" or "none" are supported; got "zipkin"/);
    expect(Tracing.tracer).toBeUndefined();
  });
});
