export interface FleetConfig {
  /** `redis://…` of the fleet's shared state. */
  url: string;
  /** The service whose replicas share this state: the key namespace's second part. */
  service: string;
  /** The first part of every key (`keel`); a test suite takes its own so that runs never collide. */
  namespace: string;
  /** The cap on every Redis call: a slower Redis counts as unavailable. */
  commandTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

const DEFAULT_COMMAND_TIMEOUT_MS = 50;

/** Whether REDIS_URL is set at all (a service that names no fleet then says it will not use it). */
export function hasRedisUrl(env: Env = process.env): boolean {
  return Boolean(env['REDIS_URL']);
}

/**
 * The fleet's settings, or undefined without `REDIS_URL` (every policy then stays in-process, the
 * embedded default). Fails at start-up on a malformed value, naming the variable.
 */
export function resolveFleetConfig(service: string, env: Env = process.env): FleetConfig | undefined {
  const url = env['REDIS_URL']?.trim();
  if (!url) return undefined;
  if (!/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL must be a redis:// or rediss:// URL`);
  const rawTimeout = env['REDIS_COMMAND_TIMEOUT_MS']?.trim();
  const commandTimeoutMs = rawTimeout ? Number(rawTimeout) : DEFAULT_COMMAND_TIMEOUT_MS;
  if (!Number.isInteger(commandTimeoutMs) || commandTimeoutMs < 1)
    throw new Error(`REDIS_COMMAND_TIMEOUT_MS must be a whole number of milliseconds ≥ 1, got "${rawTimeout}"`);
  const namespace = env['KEEL_FLEET_NAMESPACE']?.trim() || 'keel';
  return { url, service, namespace, commandTimeoutMs };
}
