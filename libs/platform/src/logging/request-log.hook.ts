import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { PinoLogger } from 'nestjs-pino';
// nestjs-pino keeps the request's logger in this AsyncLocalStorage; its index does not export it.
import { storage } from 'nestjs-pino/storage';
import type { Store } from 'nestjs-pino/storage';

/** Probes and scrapes arrive every few seconds; logging each one would drown the rest. */
export const QUIET_PATHS = /^\/(?:metrics|api\/health(?:\/|$|\?))/;

/**
 * nestjs-pino's per-request store, with the request's child logger (`reqId`) made on first use. Most
 * requests log nothing (at the default level only the access line, at `warn` not even that), and a
 * pino child costs about 20 µs; pino-http made two per request, up front, serializing the request
 * into the second.
 */
class RequestLogStore {
  readonly responseLogger = undefined;
  private base: Logger | undefined;
  private assigned: Logger | undefined;

  constructor(
    private readonly root: Logger,
    private readonly id: string,
  ) {}

  /** What `PinoLogger` logs with inside the request (reqId bound). */
  get logger(): Logger {
    return this.assigned ?? this.requestLogger();
  }

  /** `PinoLogger.assign(fields)` replaces it with a child carrying more fields. */
  set logger(logger: Logger) {
    this.assigned = logger;
  }

  /** The reqId child, as pino-http bound it (not what `assign` added: pino-http's access line ignored that). */
  requestLogger(): Logger {
    return (this.base ??= this.root.child({ reqId: this.id }));
  }
}

/**
 * The request's logging, as a Fastify onRequest step (run inside the request context, so log lines
 * carry its trace id): Nest loggers inside the request write through a `reqId` child, and one access
 * line per request ("request completed", with the scrubbed request, the status and the response
 * time; `warn` for a 5xx, `info` otherwise) is written when the response closes, finished or not.
 * It replaces pino-http's middleware, which went through @fastify/middie and built its child loggers
 * eagerly, with the same lines.
 */
export function requestLogHook() {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    // Set by nestjs-pino's LoggerModule when the app initialises (it builds pino-http's logger, with
    // our serializers, redaction and mixin; see loggerOptions).
    const root = PinoLogger.root;
    const store = new RequestLogStore(root, request.id);
    // No access line can be written below info+warn: skip the listener altogether.
    if (root.isLevelEnabled('warn') && !QUIET_PATHS.test(request.url)) {
      const started = Date.now();
      reply.raw.once('close', () => accessLine(store, request, reply, started));
    }
    storage.run(store as unknown as Store, done);
  };
}

function accessLine(store: RequestLogStore, request: FastifyRequest, reply: FastifyReply, started: number): void {
  const res = reply.raw;
  const level = res.statusCode >= 500 ? 'warn' : 'info';
  const root = store.requestLogger();
  if (!root.isLevelEnabled(level)) return;
  // What pino-http's request serializer reads (middie used to copy these onto the raw request).
  const raw = request.raw as IncomingMessage & { id?: string; originalUrl?: string; query?: unknown };
  raw.id = request.id;
  raw.originalUrl = raw.url;
  raw.query = request.query;
  root.child({ req: raw })[level]({ res, responseTime: Date.now() - started }, 'request completed');
}
