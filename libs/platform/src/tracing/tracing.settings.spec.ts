import { tracingSettings } from './tracing.settings';

describe(tracingSettings.name, () => {
  it('is off with no OTEL_* variable at all (npm start reaches for no collector)', () => {
    expect(tracingSettings({}, 'download')).toEqual({
      enabled: false,
      reason: 'no OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_TRACES_EXPORTER=otlp',
    });
  });

  it('turns on with a base endpoint, appending /v1/traces, under the platform service name', () => {
    const settings = tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'download');

    expect(settings).toEqual({
      enabled: true,
      serviceName: 'download',
      endpoint: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      sampler: { parentBased: true, ratio: 1 },
    });
  });

  it('uses a traces endpoint as given, and OTEL_SERVICE_NAME, protocol and sampler when set', () => {
    const settings = tracingSettings(
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/custom',
        OTEL_SERVICE_NAME: 'dl-eu',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      },
      'download',
    );

    expect(settings).toEqual({
      enabled: true,
      serviceName: 'dl-eu',
      endpoint: 'https://otel.example/custom',
      protocol: 'http/json',
      sampler: { parentBased: true, ratio: 0.25 },
    });
  });

  it('turns on with OTEL_TRACES_EXPORTER=otlp alone, at the spec default endpoint', () => {
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' }, 'project')).toMatchObject({
      enabled: true,
      endpoint: 'http://localhost:4318/v1/traces',
    });
  });

  it.each([
    [{ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, 'OTEL_SDK_DISABLED=true'],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, 'OTEL_TRACES_EXPORTER=none'],
  ])('stays off when %j says so', (env, reason) => {
    expect(tracingSettings(env, 'download')).toEqual({ enabled: false, reason });
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, /only "otlp" or "none"/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /must be an http\(s\) URL/],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      /only http\/json or http\/protobuf/,
    ],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'sometimes' },
      /OTEL_TRACES_SAMPLER must be one of/,
    ],
    [
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_TRACES_SAMPLER: 'traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '2',
      },
      /between 0 and 1/,
    ],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => tracingSettings(env, 'download')).toThrow(message);
  });
});
