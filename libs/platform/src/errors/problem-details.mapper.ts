import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DownstreamError } from '@keel/clients-core';
import { BearerAuthError } from '../auth/bearer-auth.error';
import { RequestValidationError } from './request-validation.error';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extra: string]: unknown;
}

export interface MappedProblem {
  body: ProblemBody;
  headers: Record<string, string>;
  /** `unexpected` is a bug of ours: the only kind logged with its stack. */
  origin: 'http' | 'downstream' | 'framework' | 'unexpected';
}

const titleOf = (status: number): string => STATUS_CODES[status] ?? 'Error';

function problem(
  status: number,
  detail?: string,
  extras: Record<string, unknown> = {},
  type = 'about:blank',
): ProblemBody {
  return { type, title: titleOf(status), status, ...(detail ? { detail } : {}), ...extras };
}

/**
 * Fastify's own errors (body too large, unsupported media type, bad JSON) carry a `FST_` code and a
 * statusCode. Only these are trusted: another library's `statusCode` says nothing about our answer.
 */
function isFastifyError(e: unknown): e is Error & { code: string; statusCode: number } {
  const { code, statusCode } = (e ?? {}) as { code?: unknown; statusCode?: unknown };
  return (
    e instanceof Error &&
    typeof code === 'string' &&
    code.startsWith('FST_') &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 600
  );
}

function fromHttpException(e: HttpException): MappedProblem {
  const status = e.getStatus();
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = e instanceof BearerAuthError ? e.challenge : 'Bearer';
  if (e instanceof RequestValidationError) {
    return {
      body: problem(status, e.message, { errors: e.errors }, 'urn:keel:problem:validation'),
      headers,
      origin: 'http',
    };
  }
  const response = e.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (Array.isArray(message))
    return { body: problem(status, titleOf(status), { errors: message.map(String) }), headers, origin: 'http' };
  return { body: problem(status, typeof message === 'string' ? message : undefined), headers, origin: 'http' };
}

function fromDownstreamError(e: DownstreamError): MappedProblem {
  const headers: Record<string, string> = {};
  const retryAfter = e.retryAfterSeconds;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  const body = problem(
    e.httpStatus,
    e.message,
    { downstream: e.downstream },
    `urn:keel:problem:downstream-${e.kind.replace(/_/g, '-')}`,
  );
  return { body, headers, origin: 'downstream' };
}

/** One exception → the problem+json answer. Unknown errors become a bare 500: no message, no stack. */
export function toProblem(exception: unknown): MappedProblem {
  if (exception instanceof DownstreamError) return fromDownstreamError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isFastifyError(exception))
    return { body: problem(exception.statusCode, exception.message), headers: {}, origin: 'framework' };
  return { body: problem(500), headers: {}, origin: 'unexpected' };
}
