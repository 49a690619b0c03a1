import { call } from '../test-fixtures/http-call';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

const PROBLEM = 'application/problem+json; charset=utf-8';

describe('ProblemDetailsFilter over HTTP', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    process.env['BODY_LIMIT'] = '4kb';
    service = await startTestService(TestAppModule);
    delete process.env['BODY_LIMIT'];
    token = await signTestToken({ sub: 'u1' });
  });
  afterAll(() => service.close());

  const post = (json: unknown) => call(service.url, '/api/v1/fixture/items', { method: 'POST', token, json });

  describe('validation', () => {
    it('answers 400 naming an unknown field', async () => {
      const res = await post({ name: 'tent', quantity: 2, foo: 'bar' });

      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toEqual({
        type: 'urn:keel:problem:validation',
        title: 'Bad Request',
        status: 400,
        detail: 'The request did not pass validation.',
        errors: ['property foo should not exist'],
        instance: '/api/v1/fixture/items',
        requestId: res.headers.get('x-request-id'),
      });
    });

    it('lists every invalid field', async () => {
      const res = await post({ name: '', quantity: 0.5 });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^name /),
          expect.stringMatching(/^quantity must be an integer/),
        ]),
      );
    });

    it('passes a valid body through as a DTO instance', async () => {
      const res = await post({ name: 'tent', quantity: 2 });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ name: 'tent', quantity: 2, isDto: true });
    });
  });

  describe("Fastify's own errors keep their status", () => {
    it('answers 400 problem+json to malformed JSON', async () => {
      const res = await call(service.url, '/api/v1/fixture/items', {
        method: 'POST',
        token,
        body: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });

      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toMatchObject({ title: 'Bad Request', status: 400, instance: '/api/v1/fixture/items' });
    });

    it('answers 413 problem+json past BODY_LIMIT', async () => {
      const res = await post({ name: 'x'.repeat(5_000), quantity: 1 });

      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toMatchObject({
        type: 'about:blank',
        title: 'Payload Too Large',
        status: 413,
        instance: '/api/v1/fixture/items',
      });
    });

    it('answers 415 problem+json to a media type nobody parses', async () => {
      const res = await call(service.url, '/api/v1/fixture/items', {
        method: 'POST',
        token,
        body: '<item/>',
        headers: { 'content-type': 'application/xml' },
      });

      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    });

    it('answers 404 problem+json to an unknown route', async () => {
      const res = await call(service.url, '/api/v1/nowhere?x=1', { token });

      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/nowhere' });
    });
  });

  describe('downstream failures are never a 500', () => {
    const downstream = (kind: string) => call(service.url, `/api/v1/fixture/downstream/${kind}`, { token });

    it('answers 503 with Retry-After to an open circuit', async () => {
      const res = await downstream('circuit-open');

      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.headers.get('retry-after')).toBe('13');
      expect(res.body).toEqual({
        type: 'urn:keel:problem:downstream-circuit-open',
        title: 'Service Unavailable',
        status: 503,
        detail: 'library is unavailable (circuit open)',
        downstream: 'library',
        instance: '/api/v1/fixture/downstream/circuit-open',
        requestId: res.headers.get('x-request-id'),
      });
    });

    it('answers 504 to a timeout, without Retry-After', async () => {
      const res = await downstream('timeout');

      expect(res.status).toBe(504);
      expect(res.headers.get('retry-after')).toBeNull();
      expect(res.body).toMatchObject({
        type: 'urn:keel:problem:downstream-timeout',
        title: 'Gateway Timeout',
        status: 504,
        downstream: 'library',
      });
    });

    it('answers 503 with Retry-After to an unavailable downstream', async () => {
      const res = await downstream('unavailable');

      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body).toMatchObject({ type: 'urn:keel:problem:downstream-unavailable', downstream: 'library' });
    });

    it('answers 502 to an unmapped downstream rejection', async () => {
      const res = await downstream('rejected');

      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({
        type: 'urn:keel:problem:downstream-rejected',
        title: 'Bad Gateway',
        downstream: 'library',
      });
    });
  });

  it('answers 500 to an unexpected error and leaks nothing of it', async () => {
    const res = await call(service.url, '/api/v1/fixture/boom', { token });

    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe(PROBLEM);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      instance: '/api/v1/fixture/boom',
      requestId: res.headers.get('x-request-id'),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|db-primary|stack|\.ts:/);
  });
});
