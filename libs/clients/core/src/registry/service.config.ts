import type { PolicyOptionsInput } from '@keel/resilience';
import { BALANCER_KINDS } from '../balancing/balancer';
import type { BalancerKind } from '../balancing/balancer';
import type { OutlierOptions } from '../balancing/instance-set';
import { downstreamConfigAsEnv } from './downstream-config.schema';
import { parseBulkhead, parseDuration, parseRate } from './duration';
import { InvalidServiceConfigError } from './service-config.error';

export interface ServiceConfig {
  name: string;
  /** Base URLs of the instances, without a trailing slash. */
  urls: string[];
  timeoutMs: number;
  policy: PolicyOptionsInput;
  balancing: BalancingConfig;
}

/** How a call picks among several instances (issue [9], "Traffic"). */
export interface BalancingConfig {
  balancer: BalancerKind;
  outlier: OutlierOptions;
  /** `<NAME>_SERVICE_DNS=host:port`: the instances are the host's A/AAAA records, re-resolved. */
  dns?: { host: string; port: number; protocol: 'http' | 'https'; refreshMs: number; servers?: string[] };
  /**
   * For calls that opt in (`hedge: true`): a fixed delay in ms, or `p95`: the median of the instances' p95 per answered
   * attempt.
   */
  hedgeDelay: number | 'p95';
}

/** Defaults a client may set for its own downstream (e.g. Prowlarr's rate limit). */
export interface ServiceConfigDefaults {
  /**
   * The base URL when no `<NAME>_SERVICE_URL`/`_URLS`/`_HOST`/`_PORT`/`_DNS` is set: only for a
   * downstream with one public address (TMDB's API). Without it an address is required.
   */
  url?: string;
  rateLimit?: string;
  timeout?: string;
  maxRetries?: number;
  /** Half-open delay when `<NAME>_SERVICE_CIRCUIT_BREAKER_TIMEOUT` is unset, e.g. `60s`. */
  circuitBreakerTimeout?: string;
  /** Consecutive failures that open the circuit when `<NAME>_SERVICE_CIRCUIT_BREAKER_MAX_FAILS` is unset. */
  circuitBreakerMaxFails?: number;
}

type Env = Record<string, string | undefined>;

// A Map, not an object literal: `constructor` or `__proto__` must not read as a boolean.
const BOOLEANS = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);

const ADDRESS_KEYS = ['DNS', 'URLS', 'URL', 'HOST', 'PORT', 'PROTOCOL'];

/**
 * `consecutive` (the default, and the only one shared by a fleet through Redis) or `sampling`: a
 * failure ratio over a window, kept per replica.
 */
const BREAKER_KINDS = ['consecutive', 'sampling'] as const;

/**
 * Reads `<NAME>_SERVICE_*` (ARCHITECTURE.md, "Service registry") and fails on the first malformed
 * variable, naming it. The address has no default (unless the client gives one in `defaults.url`):
 * a service that forgot it must not start against a port on its own machine. `npm start` and the
 * test beds set it to their sandbox emulators. `config` (checked by `downstreamConfigSchema`) is
 * configuration in code: what it sets wins over the environment.
 */
export function resolveServiceConfig(
  name: string,
  env: Env = process.env,
  defaults: ServiceConfigDefaults = {},
  config?: unknown,
): ServiceConfig {
  const prefix = `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_SERVICE_`;
  if (config !== undefined) {
    const code = downstreamConfigAsEnv(name, prefix, config);
    // Addresses in code replace the environment's whole address, not only the variable they map to.
    const base =
      prefix + 'URLS' in code
        ? withoutKeys(
            env,
            ADDRESS_KEYS.map((key) => prefix + key),
          )
        : env;
    env = { ...base, ...code };
  }
  const read = (key: string) => {
    const value = env[prefix + key];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const parseRaw = <T>(key: string, raw: string, parser: (v: string) => T | undefined, expected: string): T => {
    const value = parser(raw);
    if (value === undefined) throw new InvalidServiceConfigError(prefix + key, raw, expected);
    return value;
  };
  const parse = <T>(key: string, fallback: string, parser: (v: string) => T | undefined, expected: string): T =>
    parseRaw(key, read(key) ?? fallback, parser, expected);
  const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);
  const positive = (v: string) => (/^\d+(\.\d+)?$/.test(v) && Number(v) >= 1 ? Number(v) : undefined);
  const bool = (v: string) => BOOLEANS.get(v.toLowerCase());

  const dns = resolveDns(prefix, read, (key, fallback, parser, expected) => parse(key, fallback, parser, expected));
  // Until the first resolution answers, calls go to the name itself (the OS resolves it per connection).
  const urls = dns
    ? [checkUrl(prefix + 'DNS', `${dns.protocol}://${dns.host.includes(':') ? `[${dns.host}]` : dns.host}:${dns.port}`)]
    : resolveUrls(name, prefix, read, defaults.url);
  const timeoutMs = parse(
    'TIMEOUT',
    defaults.timeout ?? '10s',
    (v) => ((parseDuration(v) ?? 0) >= 1 ? parseDuration(v) : undefined),
    'a duration of at least 1ms, like 10s or 500ms',
  );
  const maxRetries = parse('MAX_RETRIES', String(defaults.maxRetries ?? 2), int, 'a whole number');
  const initialDelayMs = parse('RETRY_DELAY', '100ms', parseDuration, 'a duration like 100ms');
  const exponent = parse('RETRY_BACKOFF', '2.0', positive, 'a number ≥ 1 such as 2.0');
  const breakerEnabled = parse('CIRCUIT_BREAKER_ENABLED', 'true', bool, 'true or false');
  const halfOpenAfterMs = parse(
    'CIRCUIT_BREAKER_TIMEOUT',
    defaults.circuitBreakerTimeout ?? '30s',
    parseDuration,
    'a duration like 30s',
  );
  const threshold = parse(
    'CIRCUIT_BREAKER_MAX_FAILS',
    String(defaults.circuitBreakerMaxFails ?? 5),
    (v) => (int(v) ? int(v) : undefined),
    'a whole number ≥ 1',
  );
  const breakerKind = parse(
    'CIRCUIT_BREAKER_KIND',
    'consecutive',
    (v) => BREAKER_KINDS.find((kind) => kind === v.toLowerCase()),
    BREAKER_KINDS.join(' or '),
  );
  // Read (and checked) whatever the kind, so a typo fails at start-up rather than when the kind changes.
  const failureRatio = parse(
    'CIRCUIT_BREAKER_FAILURE_RATIO',
    '0.5',
    (v) => (/^(0?\.\d+|1(\.0+)?)$/.test(v) && Number(v) > 0 ? Number(v) : undefined),
    'a ratio above 0 and at most 1, like 0.5',
  );
  const samplingDurationMs = parse(
    'CIRCUIT_BREAKER_WINDOW',
    '30s',
    (v) => ((parseDuration(v) ?? 0) >= 1000 ? parseDuration(v) : undefined),
    'a duration of at least 1s, like 30s',
  );
  const minimumRps = parse('CIRCUIT_BREAKER_MIN_RPS', '5', positive, 'a number ≥ 1 such as 5');
  const breaker =
    breakerKind === 'sampling'
      ? { kind: breakerKind, threshold: failureRatio, samplingDurationMs, minimumRps, halfOpenAfterMs }
      : { kind: breakerKind, threshold, halfOpenAfterMs };
  const rawRate = read('RATE_LIMIT') ?? defaults.rateLimit;
  const rate =
    rawRate === undefined ? undefined : parseRaw('RATE_LIMIT', rawRate, parseRate, 'calls/window such as 60/1m');
  const bulkhead = parse('BULKHEAD', '32/128', parseBulkhead, 'concurrent/queued such as 32/128');
  const balancer = parse(
    'LB',
    'p2c',
    (v) => BALANCER_KINDS.find((kind) => kind === v.toLowerCase()),
    BALANCER_KINDS.join(', '),
  );
  const percent = (v: string) => (/^\d+$/.test(v) && Number(v) <= 100 ? Number(v) : undefined);
  const baseEjectionMs = parse('OUTLIER_EJECTION', '30s', parseDuration, 'a duration like 30s');
  const outlier: OutlierOptions = {
    consecutiveFailures: parse('OUTLIER_FAILURES', '5', int, 'a whole number (0 turns ejection off)'),
    baseEjectionMs,
    maxEjectionMs: Math.max(baseEjectionMs, parse('OUTLIER_MAX_EJECTION', '5m', parseDuration, 'a duration like 5m')),
    maxEjectionPercent: parse('OUTLIER_MAX_PERCENT', '50', percent, 'a percentage from 0 to 100'),
  };
  const hedgeDelay = parse<number | 'p95'>(
    'HEDGE_DELAY',
    'p95',
    (v) => (v.toLowerCase() === 'p95' ? 'p95' : parseDuration(v)),
    'p95 or a duration like 50ms',
  );

  return {
    name,
    urls,
    timeoutMs,
    policy: {
      timeoutMs,
      retry: { maxRetries, initialDelayMs, exponent },
      breaker: breakerEnabled ? breaker : false,
      // A call waits for a free slot for at most a tenth of the window, then fails fast.
      rateLimit: rate ? { ...rate, maxWaitMs: Math.min(rate.windowMs / 10, timeoutMs) } : false,
      bulkhead,
    },
    balancing: { balancer, outlier, hedgeDelay, ...(dns ? { dns } : {}) },
  };
}

function withoutKeys(env: Env, keys: string[]): Env {
  const copy = { ...env };
  for (const key of keys) delete copy[key];
  return copy;
}

function resolveDns(
  prefix: string,
  read: (key: string) => string | undefined,
  parse: <T>(key: string, fallback: string, parser: (v: string) => T | undefined, expected: string) => T,
): BalancingConfig['dns'] {
  const raw = read('DNS');
  if (raw === undefined) return undefined;
  const match = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(raw);
  const port = match ? Number(match[2]) : 0;
  if (!match || port < 1 || port > 65_535)
    throw new InvalidServiceConfigError(
      prefix + 'DNS',
      raw,
      'host:port, such as library.default.svc.cluster.local:3001',
    );
  const protocol = read('PROTOCOL') ?? 'http';
  if (protocol !== 'http' && protocol !== 'https')
    throw new InvalidServiceConfigError(prefix + 'PROTOCOL', protocol, 'http or https');
  const refreshMs = parse(
    'DNS_REFRESH',
    '30s',
    (v) => ((parseDuration(v) ?? 0) >= 100 ? parseDuration(v) : undefined),
    'a duration of at least 100ms, like 30s',
  );
  // Resolvers of one's own (`ip[:port]`, comma list); by default the system's.
  const servers = read('DNS_SERVERS')
    ?.split(',')
    .map((server) => server.trim())
    .filter(Boolean);
  return { host: match[1].replace(/^\[|\]$/g, ''), port, protocol, refreshMs, ...(servers?.length ? { servers } : {}) };
}

function resolveUrls(
  name: string,
  prefix: string,
  read: (key: string) => string | undefined,
  defaultUrl: string | undefined,
): string[] {
  const list = read('URLS');
  if (list) return list.split(',').map((url) => checkUrl(prefix + 'URLS', url.trim()));
  const single = read('URL');
  if (single) return [checkUrl(prefix + 'URL', single)];
  const host = read('HOST');
  const port = read('PORT');
  const protocol = read('PROTOCOL') ?? 'http';
  if (!['http', 'https'].includes(protocol))
    throw new InvalidServiceConfigError(prefix + 'PROTOCOL', protocol, 'http or https');
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535))
    throw new InvalidServiceConfigError(prefix + 'PORT', port, 'a port number (1-65535)');
  if (!host && port === undefined) {
    if (defaultUrl !== undefined) return [checkUrl(prefix + 'URL', defaultUrl)];
    throw new InvalidServiceConfigError(
      prefix + 'URL',
      '',
      `the base URL of ${name}, such as http://${name}:8080 ` +
        `(or set ${prefix}URLS, ${prefix}HOST and ${prefix}PORT, or ${prefix}DNS)`,
    );
  }
  // No port: the protocol's own (80/443).
  return [checkUrl(prefix + 'HOST', `${protocol}://${host ?? '127.0.0.1'}${port === undefined ? '' : `:${port}`}`)];
}

function checkUrl(variable: string, raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw new InvalidServiceConfigError(variable, raw, 'an absolute http(s) URL');
  }
}
