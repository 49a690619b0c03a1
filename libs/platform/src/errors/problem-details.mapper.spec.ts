import {
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import {
  DownstreamCircuitOpenError,
  DownstreamContractError,
  DownstreamRateLimitedError,
  DownstreamRejectedError,
  DownstreamTimeoutError,
  DownstreamUnavailableError,
} from '@keel/clients-core';
import { BearerAuthError } from '../auth/bearer-auth.error';
import { toProblem } from './problem-details.mapper';
import { RequestValidationError } from './request-validation.error';

const fastifyError = (code: string, statusCode: number, message: string) =>
  Object.assign(new Error(message), { code, statusCode });

describe('toProblem', () => {
  it('maps a validation error to 400 with its messages', () => {
    expect(toProblem(new RequestValidationError(['property foo should not exist']))).toEqual({
      body: {
        type: 'urn:keel:problem:validation',
        title: 'Bad Request',
        status: 400,
        detail: 'The request did not pass validation.',
        errors: ['property foo should not exist'],
      },
      headers: {},
      origin: 'http',
    });
  });

  it("keeps an HttpException's status and message", () => {
    expect(toProblem(new NotFoundException('no game 42')).body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no game 42',
    });
    expect(toProblem(new ConflictException()).body).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Conflict',
    });
    expect(toProblem(new HttpException('slow down', 429)).body).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      detail: 'slow down',
    });
    expect(toProblem(new BadRequestException(['a is bad', 'b is bad'])).body).toMatchObject({
      status: 400,
      errors: ['a is bad', 'b is bad'],
    });
  });

  it('adds a Bearer challenge to every 401', () => {
    expect(toProblem(BearerAuthError.missing()).headers).toEqual({ 'www-authenticate': 'Bearer' });
    expect(toProblem(BearerAuthError.invalid('token expired')).headers['www-authenticate']).toBe(
      'Bearer error="invalid_token", error_description="token expired"',
    );
    expect(toProblem(new HttpException('who?', 401)).headers).toEqual({ 'www-authenticate': 'Bearer' });
  });

  it.each([
    [new DownstreamCircuitOpenError('library', () => 4_200), 503, '5', 'downstream-circuit-open'],
    [new DownstreamRateLimitedError('prowlarr', 1_500), 503, '2', 'downstream-rate-limited'],
    [new DownstreamRateLimitedError('prowlarr', undefined), 503, undefined, 'downstream-rate-limited'],
    [new DownstreamUnavailableError('chat', 'chat answered 502', 502), 503, '1', 'downstream-unavailable'],
    [new DownstreamTimeoutError('llm', 10_000), 504, undefined, 'downstream-timeout'],
    [new DownstreamRejectedError('user', 422, undefined), 502, undefined, 'downstream-rejected'],
    [new DownstreamContractError('knowledge', ['id must be a string']), 502, undefined, 'downstream-contract'],
  ])('maps %s to its status, Retry-After and downstream', (error, status, retryAfter, type) => {
    const { body, headers, origin } = toProblem(error);

    expect(body).toMatchObject({
      status,
      type: `urn:keel:problem:${type}`,
      downstream: error.downstream,
      detail: error.message,
    });
    expect(headers['retry-after']).toBe(retryAfter);
    expect(origin).toBe('downstream');
  });

  it("keeps the status of Fastify's own errors", () => {
    expect(toProblem(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413, 'Request body is too large')).body).toEqual({
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'Request body is too large',
    });
    expect(toProblem(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'Unsupported Media Type')).body.status).toBe(
      415,
    );
  });

  it('answers a bare 500 to anything else, a statusCode from another library included', () => {
    const secret = new Error('password=hunter2');

    expect(toProblem(secret)).toEqual({
      body: { type: 'about:blank', title: 'Internal Server Error', status: 500 },
      headers: {},
      origin: 'unexpected',
    });
    expect(toProblem(Object.assign(new Error('axios'), { statusCode: 404 })).body.status).toBe(500);
    expect(toProblem('a string').body.status).toBe(500);
    expect(toProblem(undefined).body.status).toBe(500);
    expect(toProblem(new InternalServerErrorException()).origin).toBe('http');
  });
});
