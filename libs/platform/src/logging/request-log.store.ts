import { Injectable, Scope } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import type { Bindings, Logger } from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { RequestContext } from '@keel/context';
import type { AuthenticatedUser, RequestContextStore, RequestDeadline } from '@keel/context';

/**
 * The request context of an inbound HTTP request, which also keeps the request's logger. nestjs-pino
 * would keep that logger in an AsyncLocalStorage of its own, run once per request next to ours: every
 * promise and callback the request makes would then carry two stores instead of one (two megamorphic
 * symbol loads and stores each, about 10 % of a request's instructions in bench (c)). A class, so
 * that every request's store has one shape, with the fields others set later (user, token) declared.
 */
export class HttpRequestContext implements RequestContextStore {
  token: string | undefined = undefined;
  user: AuthenticatedUser | undefined = undefined;
  /** The `reqId` child, made on first use: most requests log nothing, and a pino child costs ~20 µs. */
  private requestChild: Logger | undefined = undefined;
  /** What `PinoLogger.assign(fields)` made: a child of the request's logger carrying more fields. */
  private assigned: Logger | undefined = undefined;

  constructor(
    readonly requestId: string,
    readonly traceparent: string | undefined,
    readonly span: Span | undefined,
    readonly deadline: RequestDeadline,
  ) {}

  /** The request's logger as pino-http bound it (`reqId`), without what `assign` added. */
  requestLogger(): Logger {
    return (this.requestChild ??= PinoLogger.root.child({ reqId: this.requestId }));
  }

  /** What Nest loggers write through inside the request. */
  logger(): Logger {
    return this.assigned ?? this.requestLogger();
  }

  assign(fields: Bindings): void {
    this.assigned = this.logger().child(fields);
  }
}

/**
 * nestjs-pino's `PinoLogger` (behind every Nest `Logger` once `app.useLogger` has run), reading the
 * request's logger from our request context instead of nestjs-pino's own AsyncLocalStorage, which is
 * never entered. Registered in place of `PinoLogger` through LoggerModule's `providers` (its public
 * API); it overrides only the public `logger` getter and `assign`.
 */
@Injectable({ scope: Scope.TRANSIENT })
export class RequestPinoLogger extends PinoLogger {
  override get logger(): Logger {
    const store = RequestContext.current();
    return store instanceof HttpRequestContext ? store.logger() : super.logger;
  }

  override assign(fields: Bindings): void {
    const store = RequestContext.current();
    if (!(store instanceof HttpRequestContext))
      throw new Error('PinoLogger: unable to assign extra fields out of request scope');
    store.assign(fields);
  }
}
