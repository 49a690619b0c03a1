import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { RequestContext } from '@keel/context';
import { traceIdOf } from '../context/request-id.util';
import { scrubError, scrubFields, scrubRequest, scrubText } from './log-scrub';
import { stdoutLogSink } from './stdio-log-sink';

/** Paths pino replaces with "[redacted]": credentials never reach a log line. */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'];

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Probes and scrapes arrive every few seconds; logging each one would drown the rest. */
const QUIET_PATHS = /^\/(?:metrics|api\/health(?:\/|$|\?))/;

export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const level = (env['LOG_LEVEL'] ?? 'info').trim().toLowerCase() || 'info';
  if (!LEVELS.has(level)) throw new Error(`LOG_LEVEL must be one of ${[...LEVELS].join(', ')}; got "${env['LOG_LEVEL']}"`);
  return level;
}

/** nestjs-pino options: JSON lines on stdout, one per request, with the request id Fastify assigned. */
export function loggerOptions(env: NodeJS.ProcessEnv = process.env): Params {
  return {
    pinoHttp: {
      level: logLevel(env),
      // Never blocks on, nor dies of, a stdout nobody reads (see StdioLogSink).
      stream: stdoutLogSink(),
      // Fastify already chose the id (x-request-id or a UUID); @fastify/middie copies it to req.raw.
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? '',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Credentials in URLs (req.url, req.query, messages) and SQL parameter values never reach a line.
      serializers: { req: scrubRequest, err: scrubError },
      formatters: { log: scrubFields },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
        },
      },
      quietReqLogger: true,
      // Every line logged while a request is handled carries its trace id, so one search finds the
      // request's lines in every service it reached (they all forward the same traceparent).
      mixin: traceIdMixin,
      // Nest's middleware runner strips the matched path from req.url; originalUrl keeps it.
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '') },
      // The problem filter logs a 5xx with its cause; the access line only records that it happened,
      // without pino-http's synthetic "failed with status code" error and its stack.
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'warn' : 'info'),
      customErrorMessage: () => 'request completed',
      customErrorObject: (_req: IncomingMessage, _res: ServerResponse, _err: Error, val: Record<string, unknown>) => ({ ...val, err: undefined }),
    },
    // nestjs-pino's default '*' is not a valid Nest 11 route under a global prefix (STACK.md pitfall 8).
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  };
}

const NO_FIELDS = {};

/** pino mixin: `traceId` from the request context; nothing outside a request (start-up, timers). */
export function traceIdMixin(): { traceId?: string } {
  const traceparent = RequestContext.current()?.traceparent;
  return traceparent ? { traceId: traceIdOf(traceparent) } : NO_FIELDS;
}
