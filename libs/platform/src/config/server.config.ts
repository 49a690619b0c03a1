import { parseByteSize, parseDuration, parsePort } from './env.util';

/** Kubernetes' default terminationGracePeriodSeconds is 30 s: leave it room to spare. */
const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;
const DEFAULT_SHUTDOWN_DELAY_MS = 5_000;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ListenConfig {
  /** PORT, or the service's own default port. */
  port: number;
  /** HOST, or every interface. */
  host: string;
  /** SHUTDOWN_GRACE: the process exits within this long of a signal, whatever happens. */
  graceMs: number;
}

/** Where and how long `bootstrapService` listens; throws naming the bad variable. */
export function readListenConfig(defaultPort: number, env: NodeJS.ProcessEnv = process.env): ListenConfig {
  return {
    port: parsePort('PORT', env['PORT'], defaultPort),
    host: env['HOST']?.trim() || '0.0.0.0',
    graceMs: parseDuration('SHUTDOWN_GRACE', env['SHUTDOWN_GRACE'], DEFAULT_SHUTDOWN_GRACE_MS),
  };
}

/** SHUTDOWN_DELAY: how long readiness says 503 before the server stops accepting (about one probe period). */
export function shutdownDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  return parseDuration('SHUTDOWN_DELAY', env['SHUTDOWN_DELAY'], DEFAULT_SHUTDOWN_DELAY_MS);
}

/** BODY_LIMIT: the largest request body Fastify reads (1 MiB by default). */
export function bodyLimit(env: NodeJS.ProcessEnv = process.env): number {
  return parseByteSize('BODY_LIMIT', env['BODY_LIMIT'], DEFAULT_BODY_LIMIT);
}

/** REQUEST_DEADLINE overrides the service's own `requestDeadline` (already in ms). */
export function requestDeadlineMs(serviceDeadlineMs: number, env: NodeJS.ProcessEnv = process.env): number {
  return parseDuration('REQUEST_DEADLINE', env['REQUEST_DEADLINE'], serviceDeadlineMs);
}
