import { Registry } from 'prom-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpMetricsHook } from './http-metrics.hooks';

const request = (method: string, url: string | undefined, is404 = false) =>
  ({ method, is404, routeOptions: { url } }) as unknown as FastifyRequest;
const reply = (statusCode: number, elapsedTime: number) => ({ statusCode, elapsedTime }) as unknown as FastifyReply;

describe('httpMetricsHook', () => {
  it('counts by route template and status and observes the duration in seconds', async () => {
    const registry = new Registry();
    const hook = httpMetricsHook(registry);
    const done = jest.fn();

    hook(request('GET', '/api/v1/items/:id'), reply(200, 3), done);
    hook(request('GET', '/api/v1/items/:id'), reply(200, 30), done);
    hook(request('GET', '/api/v1/items/:id'), reply(404, 1), done);
    hook(request('GET', undefined, true), reply(404, 1), done);
    const text = await registry.metrics();

    expect(done).toHaveBeenCalledTimes(4);
    expect(text).toContain('http_server_requests_total{method="GET",route="/api/v1/items/:id",status="200"} 2');
    expect(text).toContain('http_server_requests_total{method="GET",route="/api/v1/items/:id",status="404"} 1');
    expect(text).toContain('http_server_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toContain(
      'http_server_request_duration_seconds_bucket{method="GET",route="/api/v1/items/:id",le="0.005"} 2',
    );
    expect(text).toContain(
      'http_server_request_duration_seconds_bucket{method="GET",route="/api/v1/items/:id",le="0.05"} 3',
    );
    expect(text).toContain('http_server_request_duration_seconds_sum{method="GET",route="/api/v1/items/:id"} 0.034');
  });

  it('shares the metrics when a second app registers on the same registry', async () => {
    const registry = new Registry();
    const first = httpMetricsHook(registry);
    const second = httpMetricsHook(registry);

    first(request('GET', '/a'), reply(200, 1), () => undefined);
    second(request('GET', '/a'), reply(200, 1), () => undefined);

    expect(await registry.metrics()).toContain('http_server_requests_total{method="GET",route="/a",status="200"} 2');
  });
});
