import { Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { DownstreamCircuitOpenError, DownstreamUnavailableError } from '@keel/clients-core';
import { RequestContext } from '@keel/context';
import { BearerAuthError } from '../auth/bearer-auth.error';
import { ProblemDetailsFilter } from './problem-details.filter';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** What the filter uses of Fastify's reply (`raw` is how it tells one from a bare Node response). */
class FakeReply {
  readonly raw = {};
  sent = false;
  status: number | undefined;
  readonly headersSent: Record<string, string> = {};
  body: string | undefined;

  code(status: number): this {
    this.status = status;
    return this;
  }
  headers(values: Record<string, string>): this {
    Object.assign(this.headersSent, values);
    return this;
  }
  header(name: string, value: string): this {
    this.headersSent[name] = value;
    return this;
  }
  send(body: string): this {
    this.body = body;
    this.sent = true;
    return this;
  }
}

/** A bare Node response, as a Nest middleware's error brings. */
class FakeServerResponse {
  headersSent = false;
  status: number | undefined;
  headers: Record<string, string> | undefined;
  body: string | undefined;

  writeHead(status: number, headers: Record<string, string>): void {
    this.status = status;
    this.headers = headers;
    this.headersSent = true;
  }
  end(body: string): void {
    this.body = body;
  }
}

interface FakeRequest {
  id?: string;
  method: string;
  url?: string;
  originalUrl?: string;
}

function host(request: FakeRequest, response: unknown, type = 'http'): ArgumentsHost {
  return {
    getType: () => type,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response, getNext: () => undefined }),
  } as unknown as ArgumentsHost;
}

const request = (overrides: Partial<FakeRequest> = {}): FakeRequest => ({
  id: 'req-1',
  method: 'GET',
  url: '/api/v1/things/7?verbose=1',
  ...overrides,
});

describe(ProblemDetailsFilter.name, () => {
  let logs: Record<'error' | 'warn' | 'debug', jest.SpyInstance>;

  beforeEach(() => {
    logs = {
      error: jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined),
      warn: jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined),
      debug: jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined),
    };
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers an HTTP exception as problem+json on Fastify’s reply, with the path and the request id', () => {
    // Arrange
    const reply = new FakeReply();

    // Act
    new ProblemDetailsFilter().catch(new NotFoundException('Thing 7 not found'), host(request(), reply));

    // Assert
    expect(reply.status).toBe(404);
    expect(reply.headersSent).toEqual({ 'content-type': PROBLEM_JSON });
    expect(JSON.parse(reply.body!)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Thing 7 not found',
      instance: '/api/v1/things/7',
      requestId: 'req-1',
    });
    expect(logs.debug).toHaveBeenCalledWith(
      expect.objectContaining({ status: 404, method: 'GET', path: '/api/v1/things/7', requestId: 'req-1' }),
      'Thing 7 not found',
    );
  });

  it('names the original URL (middleware rewrites url); takes request id from context if the request has none', () => {
    // Arrange
    const reply = new FakeReply();
    const req = request({ id: undefined, url: '/rewritten', originalUrl: '/api/v1/original?x=1' });

    // Act
    RequestContext.run({ requestId: 'ctx-9' }, () =>
      new ProblemDetailsFilter().catch(new NotFoundException(), host(req, reply)),
    );

    // Assert
    expect(JSON.parse(reply.body!)).toMatchObject({ instance: '/api/v1/original', requestId: 'ctx-9' });
  });

  it('sends the challenge of a 401 in WWW-Authenticate', () => {
    // Arrange
    const reply = new FakeReply();

    // Act
    new ProblemDetailsFilter().catch(BearerAuthError.invalid('token expired'), host(request(), reply));

    // Assert
    expect(reply.status).toBe(401);
    expect(reply.headersSent['www-authenticate']).toBe(
      'Bearer error="invalid_token", error_description="token expired"',
    );
  });

  it('answers a downstream’s failure with its status and Retry-After, logging a warning without the stack', () => {
    // Arrange
    const reply = new FakeReply();
    const error = new DownstreamUnavailableError('library', 'library answered 503', 503, 3000);

    // Act
    new ProblemDetailsFilter().catch(error, host(request(), reply));

    // Assert
    expect(reply.status).toBe(503);
    expect(reply.headersSent['retry-after']).toBe('3');
    expect(JSON.parse(reply.body!)).toMatchObject({ status: 503, downstream: 'library' });
    expect(logs.warn).toHaveBeenCalledWith(
      expect.objectContaining({ status: 503, downstream: 'library', kind: 'unavailable', error: error.name }),
      'library answered 503',
    );
    expect(logs.warn.mock.calls[0][0]).not.toHaveProperty('err');
  });

  it('logs an open circuit’s refusals at debug only (the opening is logged once elsewhere)', () => {
    // Arrange
    const reply = new FakeReply();

    // Act
    new ProblemDetailsFilter().catch(new DownstreamCircuitOpenError('library', () => 1500), host(request(), reply));

    // Assert
    expect(reply.status).toBe(503);
    expect(reply.headersSent['retry-after']).toBe('2');
    expect(logs.debug).toHaveBeenCalledWith(expect.objectContaining({ kind: 'circuit_open' }), expect.any(String));
    expect(logs.warn).not.toHaveBeenCalled();
  });

  it('answers a bug with a bare 500 and logs it once as an error with the exception', () => {
    // Arrange
    const reply = new FakeReply();
    const bug = new TypeError('cannot read properties of undefined');

    // Act
    new ProblemDetailsFilter().catch(bug, host(request(), reply));

    // Assert
    expect(JSON.parse(reply.body!)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      instance: '/api/v1/things/7',
      requestId: 'req-1',
    });
    expect(logs.error).toHaveBeenCalledTimes(1);
    expect(logs.error).toHaveBeenCalledWith(expect.objectContaining({ status: 500, err: bug }), 'unhandled exception');
  });

  it('logs a deliberate 5xx as one error line, without the exception', () => {
    // Arrange
    const reply = new FakeReply();

    // Act
    new ProblemDetailsFilter().catch(new ServiceUnavailableException('draining'), host(request(), reply));

    // Assert
    expect(reply.status).toBe(503);
    expect(logs.error).toHaveBeenCalledWith(
      expect.objectContaining({ status: 503, error: 'ServiceUnavailableException' }),
      'draining',
    );
    expect(logs.error.mock.calls[0][0]).not.toHaveProperty('err');
  });

  it('leaves a reply that was already sent alone', () => {
    // Arrange
    const reply = new FakeReply();
    reply.sent = true;

    // Act
    new ProblemDetailsFilter().catch(new NotFoundException(), host(request(), reply));

    // Assert
    expect(reply.status).toBeUndefined();
    expect(reply.body).toBeUndefined();
  });

  it('writes to a bare Node response, and not once its headers are out', () => {
    // Arrange
    const fresh = new FakeServerResponse();
    const started = new FakeServerResponse();
    started.headersSent = true;
    const filter = new ProblemDetailsFilter();

    // Act
    filter.catch(new BearerAuthError('missing bearer token'), host(request(), fresh));
    filter.catch(new NotFoundException(), host(request(), started));

    // Assert
    expect(fresh.status).toBe(401);
    expect(fresh.headers).toEqual({ 'www-authenticate': 'Bearer', 'content-type': PROBLEM_JSON });
    expect(JSON.parse(fresh.body!)).toMatchObject({ status: 401, detail: 'missing bearer token' });
    expect(started.status).toBeUndefined();
    expect(started.body).toBeUndefined();
  });

  it('rethrows outside HTTP, for that transport’s own handling', () => {
    // Arrange
    const error = new NotFoundException();

    // Act
    const act = () => new ProblemDetailsFilter().catch(error, host(request(), new FakeReply(), 'rpc'));

    // Assert
    expect(act).toThrow(error);
  });
});
