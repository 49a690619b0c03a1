import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { RequestContext } from '@keel/context';
import { traceparentOf } from './request-id.util';

/**
 * Fastify onRequest hook, installed as the adapter's first hook so that it runs before Nest
 * middleware: the rest of the request (middleware, body parsing, guards, pipes, the handler and
 * whatever they start) runs inside `RequestContext.run`. Fastify's body parser keeps the async
 * context across the body's I/O, so POSTs see it too.
 */
export function requestContextHook() {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    reply.header('x-request-id', request.id);
    RequestContext.run({ requestId: request.id, traceparent: traceparentOf(request.headers['traceparent']) }, done);
  };
}
