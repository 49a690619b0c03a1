import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../errors/problem-details.mapper';

/**
 * Fastify's `frameworkErrors`: the router's own refusals (a path that is not valid percent-encoded
 * UTF-8, a path parameter over maxParamLength) are answered before any route or Nest filter runs,
 * with a plain JSON body of Fastify's. They get the problem+json shape every other error has.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { body, headers } = toProblem(error);
  const instance = (request.raw.url ?? '/').split('?')[0];
  void reply
    .code(body.status)
    .headers(headers)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ ...body, instance, requestId: String(request.id) }));
}
