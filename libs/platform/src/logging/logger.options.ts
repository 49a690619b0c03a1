import type { Params } from 'nestjs-pino';
import { RequestContext } from '@keel/context';
import { traceIdOf } from '../context/request-id.util';
import { scrubError, scrubFields, scrubRequest, scrubText } from './log-scrub';
import { stdoutLogSink } from './stdio-log-sink';

/** Paths pino replaces with "[redacted]": credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const level = (env['LOG_LEVEL'] ?? 'info').trim().toLowerCase() || 'info';
  if (!LEVELS.has(level))
    throw new Error(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}; got "${env['LOG_LEVEL']}"`);
  return level;
}

/**
 * nestjs-pino options: JSON lines on stdout. The per-request part (the `reqId` logger and the access
 * line) is `watchRequestLog` in the request-context hook, not pino-http's middleware: these options only build
 * the logger (pino-http's, with its request/response serializers), which the hook then uses.
 */
export function loggerOptions(env: NodeJS.ProcessEnv = process.env): Params {
  return {
    pinoHttp: {
      level: logLevel(env),
      // Never blocks on, nor dies of, a stdout nobody reads (see StdioLogSink).
      stream: stdoutLogSink(),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Credentials in URLs (req.url, req.query, messages) and SQL parameter values never reach a line.
      serializers: { req: scrubRequest, err: scrubError },
      formatters: { log: scrubFields },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
      // Every line logged while a request is handled carries its trace id, so one search finds the
      // request's lines in every service it reached (they all forward the same traceparent).
      mixin: traceIdMixin,
    },
    // No Nest middleware: pino-http's, run through @fastify/middie, cost about 6 % of a request's
    // CPU in bench (c) (two child loggers built up front, the request serialized into one of them).
    // watchRequestLog writes the same lines. nestjs-pino still builds the logger (PinoLogger.root).
    forRoutes: [],
  };
}

/**
 * pino mixin: `traceId` from the request context; nothing outside a request (start-up, timers).
 * Always a new object: pino merges the line's fields into what the mixin returns, so a shared empty
 * object collected every earlier out-of-request line's fields into the next ones.
 */
export function traceIdMixin(): { traceId?: string } {
  const traceparent = RequestContext.current()?.traceparent;
  return traceparent ? { traceId: traceIdOf(traceparent) } : {};
}
