import { call } from '../test-fixtures/http-call';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request id, request context, /metrics and /docs over HTTP', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(TestAppModule);
    token = await signTestToken({ sub: 'ctx-user' });
  });
  afterAll(() => service.close());

  describe('x-request-id', () => {
    it("echoes the caller's id", async () => {
      const res = await call(service.url, '/api/health/live', { headers: { 'x-request-id': 'abc-123' } });

      expect(res.headers.get('x-request-id')).toBe('abc-123');
    });

    it('generates a UUID when none is sent, on errors too', async () => {
      const ok = await call(service.url, '/api/health/live');
      const refused = await call(service.url, '/api/v1/fixture/me');

      expect(ok.headers.get('x-request-id')).toMatch(UUID);
      expect(refused.headers.get('x-request-id')).toMatch(UUID);
      expect(refused.body.requestId).toBe(refused.headers.get('x-request-id'));
    });

    it('replaces an id that is too long or not plain', async () => {
      const res = await call(service.url, '/api/health/live', { headers: { 'x-request-id': 'x'.repeat(300) } });

      expect(res.headers.get('x-request-id')).toMatch(UUID);
    });
  });

  describe('request context', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const expected = (id: string) => ({ requestId: id, userId: 'ctx-user', hasToken: true, traceparent });

    it('reaches guards, the controller, a service, and the async work it starts', async () => {
      const res = await call(service.url, '/api/v1/fixture/context', {
        token,
        headers: { 'x-request-id': 'ctx-1', traceparent },
      });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        inGuard: 'ctx-1',
        inController: 'ctx-1',
        inService: expected('ctx-1'),
        afterAwait: expected('ctx-1'),
        inTimer: expected('ctx-1'),
      });
    });

    it('survives body parsing on a POST', async () => {
      const res = await call(service.url, '/api/v1/fixture/context', {
        method: 'POST',
        token,
        json: { name: 'n', quantity: 1 },
        headers: { 'x-request-id': 'ctx-2', traceparent },
      });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        inGuard: 'ctx-2',
        inController: 'ctx-2',
        name: 'n',
        inService: expected('ctx-2'),
        inTimer: expected('ctx-2'),
      });
    });

    it('keeps concurrent requests apart', async () => {
      const ids = Array.from({ length: 8 }, (_, i) => `par-${i}`);

      const results = await Promise.all(
        ids.map((id) => call(service.url, '/api/v1/fixture/context', { token, headers: { 'x-request-id': id } })),
      );

      expect(results.map((r) => r.body.inTimer.requestId)).toEqual(ids);
    });
  });

  describe('/metrics', () => {
    it('counts requests by route template and status, and exposes process metrics', async () => {
      await call(service.url, '/api/v1/fixture/items/41', { token });
      await call(service.url, '/api/v1/fixture/items/42', { token });
      await call(service.url, '/api/v1/fixture/items/43');
      await call(service.url, '/api/v1/no/such/route/9');

      const res = await call<string>(service.url, '/metrics');

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(res.body).toContain(
        'http_server_requests_total{method="GET",route="/api/v1/fixture/items/:id",status="200"} 2',
      );
      expect(res.body).toContain(
        'http_server_requests_total{method="GET",route="/api/v1/fixture/items/:id",status="401"} 1',
      );
      expect(res.body).toMatch(/http_server_requests_total\{method="GET",route="unmatched",status="404"\} \d+/);
      expect(res.body).toMatch(
        new RegExp(
          'http_server_request_duration_seconds_bucket' +
            String.raw`\{method="GET",route="/api/v1/fixture/items/:id",le="0.005"\} \d+`,
        ),
      );
      expect(res.body).toContain(
        'http_server_request_duration_seconds_count{method="GET",route="/api/v1/fixture/items/:id"} 3',
      );
      expect(res.body).not.toMatch(/items\/4[123]|no\/such/);
      expect(res.body).toContain('process_cpu_user_seconds_total');
      expect(res.body).toContain('nodejs_heap_size_used_bytes');
    });

    it('is public', async () => {
      expect((await call(service.url, '/metrics')).status).toBe(200);
    });
  });

  describe('/docs', () => {
    it('serves an OpenAPI document with bearer security, public routes exempt', async () => {
      const res = await call(service.url, '/docs-json');
      const doc = res.body;

      expect(res.status).toBe(200);
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info).toMatchObject({ title: 'platform-fixture', version: '1.2.3' });
      expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
      expect(doc.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/api/v1/fixture/me'].get.security).toBeUndefined();
      expect(doc.paths['/api/v1/fixture/me'].get.responses['401']).toEqual({
        description: 'Missing or invalid bearer token',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      });
      expect(doc.paths['/api/health/live'].get.responses['401']).toBeUndefined();
      expect(doc.paths['/api/health/ready'].get.security).toEqual([]);
      expect(doc.paths['/metrics'].get.security).toEqual([]);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/health/live',
          '/api/health',
          '/api/system/status',
          '/api/v1/admin/circuits',
          '/api/v1/admin/circuits/{name}/reset',
        ]),
      );
      expect(doc.paths['/api/v1/admin/circuits/{name}/reset'].post.responses).toMatchObject({
        '200': expect.anything(),
        '401': {
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
        },
        '403': expect.anything(),
        '404': expect.anything(),
      });
      expect(doc.components.schemas.ProblemDetailsDto.required).toEqual(
        expect.arrayContaining(['type', 'title', 'status', 'instance', 'requestId']),
      );
    });

    it('serves Swagger UI', async () => {
      const res = await fetch(`${service.url}/docs`);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      await res.text();
    });
  });

  it('creates a second app in the same process without "metric already registered"', async () => {
    const second = await startTestService(TestAppModule);
    try {
      const res = await call<string>(second.url, '/metrics');

      expect(res.status).toBe(200);
      expect(res.body).toContain('http_server_requests_total');
    } finally {
      await second.close();
    }
  });
});
