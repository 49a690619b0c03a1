/**
 * Whether traces should be exported, read from the standard OpenTelemetry variables. Keel departs
 * from the spec's default on one point: with no OTEL_* variable at all, tracing is off (`npm start`
 * must not try to reach a collector). Setting an OTLP endpoint or `OTEL_TRACES_EXPORTER=otlp` turns
 * it on; `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` keep it off.
 */
export type TracingSettings =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      serviceName: string;
      /** Full URL of the OTLP/HTTP traces endpoint (…/v1/traces). */
      endpoint: string;
      protocol: 'http/json' | 'http/protobuf';
      /** Per the spec's OTEL_TRACES_SAMPLER; parent-based means a caller's sampled flag is obeyed. */
      sampler: { parentBased: boolean; ratio: number };
    };

const DEFAULT_ENDPOINT = 'http://localhost:4318';
const SAMPLERS: Record<string, { parentBased: boolean; ratio?: number }> = {
  always_on: { parentBased: false, ratio: 1 },
  always_off: { parentBased: false, ratio: 0 },
  traceidratio: { parentBased: false },
  parentbased_always_on: { parentBased: true, ratio: 1 },
  parentbased_always_off: { parentBased: true, ratio: 0 },
  parentbased_traceidratio: { parentBased: true },
};

export function tracingSettings(env: NodeJS.ProcessEnv, defaultServiceName: string): TracingSettings {
  const read = (name: string) => env[name]?.trim() || undefined;
  if (read('OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  const exporters = (read('OTEL_TRACES_EXPORTER') ?? '')
    .toLowerCase()
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const unknown = exporters.filter((e) => e !== 'otlp' && e !== 'none');
  if (unknown.length > 0)
    throw new Error(`OTEL_TRACES_EXPORTER: only "otlp" or "none" are supported; got "${unknown.join(',')}"`);
  if (exporters.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  const tracesEndpoint = read('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const baseEndpoint = read('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (!exporters.includes('otlp') && !tracesEndpoint && !baseEndpoint)
    return { enabled: false, reason: 'no OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_TRACES_EXPORTER=otlp' };

  // Per the spec, the signal-specific endpoint is used as given; the base one gets /v1/traces appended.
  const endpoint = tracesEndpoint ?? `${(baseEndpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')}/v1/traces`;
  if (!/^https?:\/\/[^/]/.test(endpoint))
    throw new Error(`OTLP traces endpoint must be an http(s) URL; got "${endpoint}"`);
  const protocol = (
    read('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ??
    read('OTEL_EXPORTER_OTLP_PROTOCOL') ??
    'http/protobuf'
  ).toLowerCase();
  if (protocol !== 'http/json' && protocol !== 'http/protobuf')
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL: only http/json or http/protobuf are supported; got "${protocol}"`);
  return {
    enabled: true,
    serviceName: read('OTEL_SERVICE_NAME') ?? defaultServiceName,
    endpoint,
    protocol,
    sampler: samplerOf(read('OTEL_TRACES_SAMPLER'), read('OTEL_TRACES_SAMPLER_ARG')),
  };
}

/** `tracingSettings` of this process's environment. */
export function processTracingSettings(defaultServiceName: string): TracingSettings {
  return tracingSettings(process.env, defaultServiceName);
}

function samplerOf(name = 'parentbased_always_on', arg: string | undefined): { parentBased: boolean; ratio: number } {
  const sampler = SAMPLERS[name.toLowerCase()];
  if (!sampler)
    throw new Error(`OTEL_TRACES_SAMPLER must be one of ${Object.keys(SAMPLERS).join(', ')}; got "${name}"`);
  if (sampler.ratio !== undefined) return { parentBased: sampler.parentBased, ratio: sampler.ratio };
  const ratio = arg === undefined ? 1 : Number(arg);
  if (!(ratio >= 0 && ratio <= 1))
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a ratio between 0 and 1; got "${arg}"`);
  return { parentBased: sampler.parentBased, ratio };
}
