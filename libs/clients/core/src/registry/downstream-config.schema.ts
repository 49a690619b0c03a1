import { z } from 'zod';
import { BALANCER_KINDS } from '../balancing/balancer';
import { parseBulkhead, parseDuration, parseRate } from './duration';
import { InvalidServiceConfigError } from './service-config.error';

const duration = z.union([
  z.number().int().min(1),
  z.string().refine((v) => parseDuration(v) !== undefined, 'a duration like 10s or 500ms'),
]);
const url = z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' });

/**
 * A downstream's configuration in code (`DownstreamModule.register({ config })`): the same knobs as
 * `<NAME>_SERVICE_*`, and it wins over them. Durations are ms or strings like `10s`.
 */
export const downstreamConfigSchema = z.strictObject({
  urls: z.union([url, z.array(url).min(1)]).optional(),
  timeout: duration.optional(),
  retries: z.number().int().min(0).optional(),
  retryDelay: duration.optional(),
  retryBackoff: z.number().min(1).optional(),
  circuitBreaker: z
    .strictObject({
      enabled: z.boolean().optional(),
      timeout: duration.optional(),
      maxFails: z.number().int().min(1).optional(),
      kind: z.enum(['consecutive', 'sampling']).optional(),
      failureRatio: z.number().gt(0).max(1).optional(),
      window: duration.optional(),
      minRps: z.number().min(1).optional(),
    })
    .optional(),
  rateLimit: z
    .string()
    .refine((v) => parseRate(v) !== undefined, 'calls/window such as 60/1m')
    .optional(),
  bulkhead: z
    .string()
    .refine((v) => parseBulkhead(v) !== undefined, 'concurrent/queued such as 32/128')
    .optional(),
  balancer: z.enum(BALANCER_KINDS).optional(),
  hedgeDelay: z.union([z.literal('p95'), duration]).optional(),
});

export type DownstreamConfig = z.input<typeof downstreamConfigSchema>;

/**
 * Checks `config` (naming the first bad field, e.g. `library config.timeout`) and returns it as the
 * `<NAME>_SERVICE_*` variables it stands for, so one parser reads both and code wins over env.
 */
export function downstreamConfigAsEnv(name: string, prefix: string, config: unknown): Record<string, string> {
  const result = downstreamConfigSchema.safeParse(config);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.') || '(root)';
    const value = issue.path.reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
      config,
    );
    throw new InvalidServiceConfigError(
      `${name} config.${field}`,
      typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'),
      issue.message,
    );
  }
  const c = result.data;
  const ms = (v: number | string | undefined) => (typeof v === 'number' ? `${v}ms` : v);
  const entries: [string, string | number | boolean | undefined][] = [
    ['URLS', c.urls === undefined ? undefined : [c.urls].flat().join(',')],
    ['TIMEOUT', ms(c.timeout)],
    ['MAX_RETRIES', c.retries],
    ['RETRY_DELAY', ms(c.retryDelay)],
    ['RETRY_BACKOFF', c.retryBackoff],
    ['CIRCUIT_BREAKER_ENABLED', c.circuitBreaker?.enabled],
    ['CIRCUIT_BREAKER_TIMEOUT', ms(c.circuitBreaker?.timeout)],
    ['CIRCUIT_BREAKER_MAX_FAILS', c.circuitBreaker?.maxFails],
    ['CIRCUIT_BREAKER_KIND', c.circuitBreaker?.kind],
    ['CIRCUIT_BREAKER_FAILURE_RATIO', c.circuitBreaker?.failureRatio],
    ['CIRCUIT_BREAKER_WINDOW', ms(c.circuitBreaker?.window)],
    ['CIRCUIT_BREAKER_MIN_RPS', c.circuitBreaker?.minRps],
    ['RATE_LIMIT', c.rateLimit],
    ['BULKHEAD', c.bulkhead],
    ['LB', c.balancer],
    ['HEDGE_DELAY', ms(c.hedgeDelay)],
  ];
  return Object.fromEntries(
    entries.filter(([, value]) => value !== undefined).map(([key, value]) => [prefix + key, String(value)]),
  );
}
