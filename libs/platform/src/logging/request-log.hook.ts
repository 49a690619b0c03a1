import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import type { HttpRequestContext } from './request-log.store';

/** Probes and scrapes arrive every few seconds; logging each one would drown the rest. */
export const QUIET_PATHS = /^\/(?:metrics|api\/health(?:\/|$|\?))/;

/**
 * The request's access line, as part of the request-context hook: one line per request ("request
 * completed", with the scrubbed request, the status and the response time; `warn` for a 5xx, `info`
 * otherwise), written when the response closes, finished or not. Loggers inside the request write
 * through its `reqId` child (see RequestPinoLogger). It replaces pino-http's middleware, which went
 * through @fastify/middie and built its child loggers eagerly, with the same lines.
 */
export function watchRequestLog(context: HttpRequestContext, request: FastifyRequest, reply: FastifyReply): void {
  // Set by nestjs-pino's LoggerModule when the app initialises (it builds pino-http's logger, with
  // our serializers, redaction and mixin; see loggerOptions). No access line can be written below
  // info+warn: skip the listener altogether.
  if (!PinoLogger.root.isLevelEnabled('warn') || QUIET_PATHS.test(request.url)) return;
  const started = Date.now();
  // `on`, not `once`: a response emits 'close' once, and `once` adds a bound wrapper per request and a
  // listener removal per close.
  reply.raw.on('close', () => accessLine(context, request, reply, started));
}

function accessLine(context: HttpRequestContext, request: FastifyRequest, reply: FastifyReply, started: number): void {
  const res = reply.raw;
  const level = res.statusCode >= 500 ? 'warn' : 'info';
  if (!PinoLogger.root.isLevelEnabled(level)) return;
  const root = context.requestLogger();
  // What pino-http's request serializer reads (middie used to copy these onto the raw request).
  const raw = request.raw as IncomingMessage & { id?: string; originalUrl?: string; query?: unknown };
  raw.id = request.id;
  raw.originalUrl = raw.url;
  raw.query = request.query;
  root.child({ req: raw })[level]({ res, responseTime: Date.now() - started }, 'request completed');
}
