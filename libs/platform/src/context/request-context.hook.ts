import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { DEADLINE_HEADER, RequestContext, Tracing, traceparentOfSpan } from '@keel/context';
import { watchRequestLog } from '../logging/request-log.hook';
import { HttpRequestContext } from '../logging/request-log.store';
import { endRequestSpan, startRequestSpan } from '../tracing/request-span';
import { LazyRequestDeadline, propagatedBudgetMs } from './request-deadline';
import { newTraceparent, traceparentOf } from './request-id.util';

/**
 * Fastify onRequest hook, installed as the adapter's first hook so that it runs before Nest
 * middleware: the rest of the request (middleware, body parsing, guards, pipes, the handler and
 * whatever they start) runs inside `RequestContext.run`, the request's one AsyncLocalStorage (its
 * logger lives in the same store). Fastify's body parser keeps the async context across the body's
 * I/O, so POSTs see it too.
 *
 * Every request gets a deadline: the service's budget (`deadlineMs`), or the smaller one a Keel
 * caller sent in `keel-deadline-ms`. And every request belongs to a trace. With tracing on, it gets
 * a server span, which continues the caller's trace or starts one; with tracing off, the caller's
 * valid `traceparent` is forwarded unchanged (no span of ours exists to be a parent), or a new one
 * is made.
 */
export function requestContextHook(deadlineMs: number) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    reply.header('x-request-id', request.id);
    const propagated = propagatedBudgetMs(request.headers[DEADLINE_HEADER]);
    const deadline = new LazyRequestDeadline(
      propagated === undefined ? deadlineMs : Math.min(propagated, deadlineMs),
      reply.raw,
    );
    const incoming = traceparentOf(request.headers['traceparent']);
    // `routeOptions` builds a new object of a dozen fields on every read: not read while tracing is off.
    const span = Tracing.tracer
      ? startRequestSpan(request.method, request.routeOptions.url ?? 'unmatched', incoming)
      : undefined;
    if (span) reply.raw.on('close', () => endRequestSpan(span, reply.raw.statusCode));
    const traceparent = span ? traceparentOfSpan(span) : (incoming ?? newTraceparent());
    const context = new HttpRequestContext(request.id, traceparent, span, deadline);
    watchRequestLog(context, request, reply);
    RequestContext.run(context, done);
  };
}
