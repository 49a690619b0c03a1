import { Catch, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContext } from '@keel/context';
import { DownstreamError } from '@keel/clients-core';
import { toProblem } from './problem-details.mapper';

const CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * The one place an exception becomes an HTTP answer (RFC 9457). Registered as APP_FILTER, so Nest
 * also routes Fastify's own errors (413, 415, bad JSON) and unmatched routes through it.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply | ServerResponse>();

    const { body, headers, origin } = toProblem(exception);
    // originalUrl: Nest's middleware runner rewrites url while a middleware runs.
    const path = ((request as { originalUrl?: string }).originalUrl ?? request.url ?? '/').split('?')[0];
    const requestId = String(request.id ?? RequestContext.current()?.requestId ?? '');
    this.log(exception, body.status, origin, { method: request.method, path, requestId });

    const payload = { ...body, instance: path, requestId };
    if ('raw' in response) {
      if (response.sent) return;
      void response
        .code(body.status)
        .headers(headers)
        .header('content-type', CONTENT_TYPE)
        .send(JSON.stringify(payload));
      return;
    }
    // A Nest middleware's error arrives with the bare Node response.
    if (response.headersSent) return;
    response.writeHead(body.status, { ...headers, 'content-type': CONTENT_TYPE });
    response.end(JSON.stringify(payload));
  }

  private log(exception: unknown, status: number, origin: string, fields: Record<string, unknown>): void {
    if (origin === 'unexpected') {
      this.logger.error({ ...fields, status, err: exception }, 'unhandled exception');
    } else if (exception instanceof DownstreamError) {
      // The downstream is at fault and we answered as designed. An open circuit refuses every call,
      // and its opening is already logged once, so each refusal is only debug.
      const line = { ...fields, status, error: exception.name, downstream: exception.downstream, kind: exception.kind };
      if (exception.kind === 'circuit_open') this.logger.debug(line, exception.message);
      else this.logger.warn(line, exception.message);
    } else if (status >= 500) {
      // A deliberate 5xx: one line, the stack adds nothing.
      const { name, message } = exception as { name?: string; message?: string };
      this.logger.error({ ...fields, status, error: name }, message ?? 'request failed');
    } else {
      this.logger.debug(
        { ...fields, status, error: (exception as Error)?.name },
        (exception as Error)?.message ?? 'request refused',
      );
    }
  }
}
