import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { RequestContext } from '@keel/context';
import { PolicyRegistry } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import { DownstreamCircuitOpenError } from '../errors/circuit-open.error';
import { DownstreamContractError } from '../errors/contract.error';
import { DownstreamRejectedError } from '../errors/rejected.error';
import { DownstreamTimeoutError } from '../errors/timeout.error';
import { DownstreamUnavailableError } from '../errors/unavailable.error';
import { resolveServiceConfig } from '../registry/service.config';
import { httpFailureClassifier } from './downstream-failures';
import { ResilientHttpClient, encodePath } from './resilient-http-client';
import type { HttpMethod } from './resilient-http-client';
import { UndiciAdapter } from './undici-adapter';
import { textAnswer, wholeAnswer } from './answers';
import { z } from 'zod';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/**
 * A loopback downstream. `/status/<code>?retryAfter=<s>` answers that status with a problem body,
 * `/not-json` a broken body, `/empty` 204, `/reset` drops the connection, `/slow` never answers (recording when our
 * side drops the socket),
 * `/health` `healthStatus`; anything else echoes the request as JSON.
 */
async function startDownstream() {
  const seen: Seen[] = [];
  let slowClosed = 0;
  let healthStatus = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const url = new URL(req.url!, 'http://downstream');
      const status = /^\/status\/(\d{3})$/.exec(url.pathname);
      if (url.pathname === '/slow') {
        req.socket.once('close', () => slowClosed++);
      } else if (url.pathname === '/reset') {
        req.socket.destroy();
      } else if (status) {
        const retryAfter = url.searchParams.get('retryAfter');
        res.writeHead(Number(status[1]), {
          'content-type': 'application/problem+json',
          ...(retryAfter ? { 'retry-after': retryAfter } : {}),
        });
        res.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Scripted',
            status: Number(status[1]),
            detail: `scripted ${status[1]}`,
          }),
        );
      } else if (url.pathname === '/not-json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"owned": tru');
      } else if (url.pathname === '/empty') {
        res.writeHead(204).end();
      } else if (url.pathname === '/health') {
        res.writeHead(healthStatus, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ method: req.method, url: req.url, body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get slowClosed() {
      return slowClosed;
    },
    set healthStatus(value: number) {
      healthStatus = value;
    },
    requestsTo: (path: string) => seen.filter((s) => s.url.split('?')[0] === path),
    reset() {
      seen.length = 0;
      slowClosed = 0;
      healthStatus = 200;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls (without asserting on time) until `condition` holds; Jest's timeout is the only bound. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe(ResilientHttpClient.name, () => {
  let downstream: Awaited<ReturnType<typeof startDownstream>>;
  const registry = new PolicyRegistry({});
  const clients: ResilientHttpClient[] = [];
  let n = 0;

  /** A client on its own named policy, built the way provideHttpClient builds one. */
  function build(
    options: {
      forwardAuth?: boolean;
      healthPath?: string;
      env?: Record<string, string>;
      policy?: PolicyOptionsInput;
      url?: string;
    } = {},
  ) {
    const name = `echo-${++n}`;
    const prefix = `ECHO_${n}_SERVICE_`;
    const env = Object.fromEntries(
      Object.entries({ URL: options.url ?? downstream.url, ...options.env }).map(([key, value]) => [
        prefix + key,
        value,
      ]),
    );
    const config = resolveServiceConfig(name, env);
    const fast: PolicyOptionsInput = {
      retry: { ...(config.policy.retry as object), initialDelayMs: 1, maxDelayMs: 5 },
    };
    const pipeline = registry.get(name, {
      ...config.policy,
      ...fast,
      ...options.policy,
      classifier: httpFailureClassifier,
    });
    const client = new ResilientHttpClient(
      config,
      pipeline,
      new UndiciAdapter({ connections: 4, keepAliveTimeoutMs: 1000 }),
      { forwardAuth: options.forwardAuth, healthPath: options.healthPath },
    );
    clients.push(client);
    return client;
  }

  const caught = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  beforeAll(async () => {
    Logger.overrideLogger(false);
    downstream = await startDownstream();
  });

  beforeEach(() => downstream.reset());

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    registry.onModuleDestroy();
    await downstream.close();
  });

  describe('call() with declared answers', () => {
    const Echo = z.object({ method: z.string(), url: z.string(), body: z.string() });

    it('sends a JSON body straight to undici, with its content type, and parses the declared answer', async () => {
      // Arrange
      const client = build();

      // Act
      const answer = await client.call({
        operation: 'echo',
        method: 'POST',
        path: '/things',
        body: { name: 'n' },
        answers: { 200: Echo },
      });

      // Assert
      expect(answer).toEqual({ status: 200, body: { method: 'POST', url: '/things', body: '{"name":"n"}' } });
      expect(downstream.requestsTo('/things')[0].headers['content-type']).toBe('application/json');
    });

    it('sends URLSearchParams as a form and reads a text answer', async () => {
      // Arrange
      const client = build();

      // Act
      const answer = await client.call({
        operation: 'form',
        method: 'POST',
        path: '/form',
        body: new URLSearchParams({ a: '1', b: 'x y' }),
        answers: { 200: textAnswer() },
      });

      // Assert
      expect(JSON.parse(answer.body)).toMatchObject({ body: 'a=1&b=x+y' });
      expect(downstream.requestsTo('/form')[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    });

    it('a declared 404 answers an undefined body; an undeclared one throws DownstreamRejectedError', async () => {
      // Arrange
      const client = build();

      // Act
      const declared = await client.call({ operation: 'r', path: '/status/404', answers: { 200: Echo, 404: null } });
      const undeclared = await caught(client.call({ operation: 'r', path: '/status/404', answers: { 200: Echo } }));

      // Assert
      expect(declared).toEqual({ status: 404, body: undefined });
      expect(undeclared).toBeInstanceOf(DownstreamRejectedError);
      expect((undeclared as DownstreamRejectedError).problem?.detail).toBe('scripted 404');
    });

    it('throws an undeclared 204 and a broken body as DownstreamContractError, and reads a whole answer', async () => {
      // Arrange
      const client = build();

      // Act
      const empty = await caught(client.call({ operation: 'e', path: '/empty', answers: { 200: Echo } }));
      const broken = await caught(client.call({ operation: 'b', path: '/not-json', answers: { 200: Echo } }));
      const whole = await client.call({ operation: 'w', path: '/empty', answers: { 204: wholeAnswer() } });

      // Assert
      expect(empty).toBeInstanceOf(DownstreamContractError);
      expect((broken as DownstreamContractError).violations).toEqual(['the body is not valid JSON']);
      expect(whole.body).toMatchObject({ status: 204, text: '' });
    });

    it('ends a call with a deadline given by RequestContext.withDeadline', async () => {
      // Arrange
      const client = build({ env: { TIMEOUT: '10s' } });

      // Act
      const error = await caught(
        RequestContext.withDeadline(100, () => client.call({ operation: 's', path: '/slow', answers: { 200: Echo } })),
      );
      await until(() => downstream.slowClosed > 0);

      // Assert
      expect(error).toBeInstanceOf(DownstreamTimeoutError);
      expect((error as DownstreamTimeoutError).timeoutMs).toBe(100);
    });
  });

  describe('retries', () => {
    it('does not retry a POST without an idempotency key', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const error = await caught(
        client.send({ operation: 'create', method: 'POST', path: '/status/503', body: { a: 1 } }),
      );

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect((error as DownstreamUnavailableError).status).toBe(503);
      expect(downstream.seen).toHaveLength(1);
      expect(downstream.seen[0].headers['idempotency-key']).toBeUndefined();
    });

    it('retries a POST that carries an idempotency key, sending the key each time', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const error = await caught(
        client.send({
          operation: 'create',
          method: 'POST',
          path: '/status/503',
          body: { a: 1 },
          idempotencyKey: 'key-123',
        }),
      );

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect(downstream.seen).toHaveLength(3);
      expect(downstream.seen.map((s) => s.headers['idempotency-key'])).toEqual(['key-123', 'key-123', 'key-123']);
      expect(downstream.seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    });

    it.each<[HttpMethod, number]>([
      ['GET', 3],
      ['PUT', 3],
      ['DELETE', 3],
      ['HEAD', 3],
      ['PATCH', 1],
      ['POST', 1],
    ])('sends a %s that keeps answering 503 %d time(s) with MAX_RETRIES=2', async (method, times) => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      await caught(client.send({ operation: 'op', method, path: '/status/503' }));

      // Assert
      expect(downstream.seen.map((s) => s.method)).toEqual(Array(times).fill(method));
    });

    it.each([502, 504, 429])('retries a %d', async (status) => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const error = await caught(client.send({ operation: 'op', path: `/status/${status}` }));

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect((error as DownstreamUnavailableError).status).toBe(status);
      expect(downstream.seen).toHaveLength(3);
    });

    it('does not retry a 500', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const error = await caught(client.send({ operation: 'op', path: '/status/500' }));

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect(downstream.seen).toHaveLength(1);
    });

    it('gives up at once when Retry-After asks for longer than the cap, and passes it on', async () => {
      // Arrange
      const client = build({
        env: { MAX_RETRIES: '2' },
        policy: { retry: { initialDelayMs: 1, retryAfterCapMs: 1000 } },
      });

      // Act
      const error = await caught(client.send({ operation: 'op', path: '/status/503?retryAfter=30' }));

      // Assert
      expect(downstream.seen).toHaveLength(1);
      expect((error as DownstreamUnavailableError).retryAfterSeconds).toBe(30);
    });

    it.each([400, 404, 409, 422])('does not retry a %d', async (status) => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const answer = await client.send({ operation: 'op', path: `/status/${status}` });

      // Assert
      expect(answer.status).toBe(status);
      expect(downstream.seen).toHaveLength(1);
    });
  });

  describe('answers', () => {
    it('send() returns a 404 as an answer, with its headers and raw text', async () => {
      // Arrange
      const client = build();

      // Act
      const answer = await client.send({ operation: 'get', path: '/status/404' });

      // Assert
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.text)).toEqual({
        type: 'about:blank',
        title: 'Scripted',
        status: 404,
        detail: 'scripted 404',
      });
    });

    it('call() throws an undeclared 404 as DownstreamRejectedError with the problem body', async () => {
      // Arrange
      const client = build();

      // Act
      const error = await caught(client.call({ operation: 'get', path: '/status/404', answers: { 200: z.unknown() } }));

      // Assert
      expect(error).toBeInstanceOf(DownstreamRejectedError);
      expect((error as DownstreamRejectedError).status).toBe(404);
      expect((error as DownstreamRejectedError).httpStatus).toBe(502);
      expect((error as DownstreamRejectedError).problem).toEqual({
        type: 'about:blank',
        title: 'Scripted',
        status: 404,
        detail: 'scripted 404',
      });
      expect((error as DownstreamRejectedError).message).toBe(
        `${client.name} rejected the request with 404: scripted 404`,
      );
    });

    it('call() reads a 2xx body through its declared schema', async () => {
      // Arrange
      const client = build();

      // Act
      const result = await client.call({
        operation: 'get',
        path: encodePath`/users/${'u 1'}/games`,
        query: { tag: ['a', 'b'], limit: 2 },
        answers: { 200: z.object({ url: z.string() }) },
      });

      // Assert
      expect(result).toEqual({ status: 200, body: { url: '/users/u%201/games?tag=a&tag=b&limit=2' } });
    });

    it('call() gives no body for a 204 declared as null', async () => {
      // Arrange
      const client = build();

      // Act
      const result = await client.call({
        operation: 'delete',
        method: 'DELETE',
        path: '/empty',
        answers: { 204: null },
      });

      // Assert
      expect(result).toEqual({ status: 204, body: undefined });
    });

    it('turns a body that is not JSON into DownstreamContractError (502), without retrying', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const error = await caught(client.call({ operation: 'get', path: '/not-json', answers: { 200: z.unknown() } }));

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).httpStatus).toBe(502);
      expect((error as DownstreamContractError).violations).toEqual(['the body is not valid JSON']);
      expect(downstream.seen).toHaveLength(1);
    });

    it('sends a JSON body with its content type and accept: application/json', async () => {
      // Arrange
      const client = build();

      // Act
      await client.send({
        operation: 'put',
        method: 'PUT',
        path: '/things/1',
        body: { name: 'x' },
        headers: { 'x-extra': '1' },
      });

      // Assert
      const [request] = downstream.seen;
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['x-extra']).toBe('1');
      expect(request.body).toBe('{"name":"x"}');
    });

    it('keeps the configured URL’s path as a prefix', async () => {
      // Arrange
      const client = build({ url: `${downstream.url}/gateway/library/` });

      // Act
      await client.send({ operation: 'get', path: '/health' });

      // Assert
      expect(downstream.seen[0].url).toBe('/gateway/library/health');
    });

    it('spreads calls over the URLS instances in turn with LB=round-robin', async () => {
      // Arrange
      const client = build({ url: '', env: { URLS: `${downstream.url}/a,${downstream.url}/b`, LB: 'round-robin' } });

      // Act
      for (let i = 0; i < 4; i++) await client.send({ operation: 'get', path: '/x' });

      // Assert
      expect(downstream.seen.map((s) => s.url)).toEqual(['/a/x', '/b/x', '/a/x', '/b/x']);
    });
  });

  describe('failures', () => {
    it('times out a slow attempt with DownstreamTimeoutError (504), closing the socket', async () => {
      // Arrange
      const client = build({ env: { TIMEOUT: '200ms', MAX_RETRIES: '0' } });

      // Act
      const error = await caught(client.send({ operation: 'slow', path: '/slow' }));
      await until(() => downstream.slowClosed === 1);

      // Assert
      expect(error).toBeInstanceOf(DownstreamTimeoutError);
      expect((error as DownstreamTimeoutError).httpStatus).toBe(504);
      expect((error as DownstreamTimeoutError).timeoutMs).toBe(200);
      expect(downstream.seen).toHaveLength(1);
    });

    it('retries a timed-out GET, each attempt on a fresh request', async () => {
      // Arrange
      const client = build({ env: { TIMEOUT: '100ms', MAX_RETRIES: '1' } });

      // Act
      const error = await caught(client.send({ operation: 'slow', path: '/slow' }));
      await until(() => downstream.slowClosed === 2);

      // Assert
      expect(error).toBeInstanceOf(DownstreamTimeoutError);
      expect(downstream.seen).toHaveLength(2);
    });

    it('ends the call when the caller aborts, closing the socket', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '0' } });
      const controller = new AbortController();

      // Act
      const call = caught(client.send({ operation: 'slow', path: '/slow', signal: controller.signal }));
      await until(() => downstream.seen.length === 1);
      controller.abort();
      const error = await call;
      await until(() => downstream.slowClosed === 1);

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect((error as DownstreamUnavailableError).message).toBe(`call to ${client.name} was cancelled`);
    });

    it('turns a refused connection into DownstreamUnavailableError (503)', async () => {
      // Arrange
      const gone = await startDownstream();
      await gone.close();
      const client = build({ url: gone.url, env: { MAX_RETRIES: '1' } });

      // Act
      const error = await caught(client.send({ operation: 'get', path: '/x' }));

      // Assert: the wording differs under Jest, where Node's own errors fail `instanceof Error`
      // (see http-failure-classifier.spec.ts), so only the code is pinned here.
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect((error as DownstreamUnavailableError).httpStatus).toBe(503);
      expect((error as DownstreamUnavailableError).message).toContain('ECONNREFUSED');
    });

    it('retries a GET whose connection is dropped, and names undici’s socket error', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      const error = await caught(client.send({ operation: 'get', path: '/reset' }));

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect((error as DownstreamUnavailableError).message).toBe(`${client.name} is unreachable (UND_ERR_SOCKET)`);
      expect(downstream.seen).toHaveLength(3);
    });

    it('does not retry a POST whose connection is dropped (it may have been applied)', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      await caught(client.send({ operation: 'create', method: 'POST', path: '/reset', body: {} }));

      // Assert
      expect(downstream.seen).toHaveLength(1);
    });

    it('opens at CIRCUIT_BREAKER_MAX_FAILS failures, then refuses without calling, with one shared error', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '0', CIRCUIT_BREAKER_MAX_FAILS: '2' } });
      for (let i = 0; i < 2; i++) await caught(client.send({ operation: 'get', path: '/status/503' }));

      // Act
      const first = await caught(client.send({ operation: 'get', path: '/status/503' }));
      const second = await caught(client.send({ operation: 'get', path: '/ok' }));

      // Assert
      expect(first).toBeInstanceOf(DownstreamCircuitOpenError);
      expect(second).toBe(first);
      expect((first as DownstreamCircuitOpenError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(client.circuitState).toBe('open');
      expect(downstream.seen).toHaveLength(2);
    });

    it('does not let 4xx answers open the circuit', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '0', CIRCUIT_BREAKER_MAX_FAILS: '2' } });

      // Act
      for (let i = 0; i < 5; i++) await client.send({ operation: 'get', path: '/status/404' });

      // Assert
      expect(client.circuitState).toBe('closed');
      expect(downstream.seen).toHaveLength(5);
    });

    it('records every logical call in its stats, once however many attempts it took', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '2' } });

      // Act
      await client.send({ operation: 'get', path: '/ok' });
      await client.send({ operation: 'get', path: '/status/404' });
      await caught(client.send({ operation: 'get', path: '/status/503' }));

      // Assert
      expect(downstream.seen).toHaveLength(5);
      expect(client.stats.snapshot()).toMatchObject({ calls: 3, errorRate: 1 / 3 });
    });
  });

  describe('header propagation', () => {
    const asUser = <T>(fn: () => Promise<T>) =>
      RequestContext.run({ requestId: 'req-42', traceparent: TRACEPARENT, token: 'user-token' }, fn);

    it('passes on x-request-id and traceparent inside a request, but not the token, by default', async () => {
      // Arrange
      const client = build();

      // Act
      await asUser(() => client.send({ operation: 'get', path: '/x' }));

      // Assert
      const { headers } = downstream.seen[0];
      expect(headers['x-request-id']).toBe('req-42');
      expect(headers.traceparent).toBe(TRACEPARENT);
      expect(headers.authorization).toBeUndefined();
    });

    it('forwards the caller’s bearer token with forwardAuth, on every retry too', async () => {
      // Arrange
      const client = build({ forwardAuth: true, env: { MAX_RETRIES: '1' } });

      // Act
      await caught(asUser(() => client.send({ operation: 'get', path: '/status/503' })));

      // Assert
      expect(
        downstream.seen.map((s) => [s.headers.authorization, s.headers['x-request-id'], s.headers.traceparent]),
      ).toEqual([
        ['Bearer user-token', 'req-42', TRACEPARENT],
        ['Bearer user-token', 'req-42', TRACEPARENT],
      ]);
    });

    it('adds nothing outside a request', async () => {
      // Arrange
      const client = build({ forwardAuth: true });

      // Act
      await client.send({ operation: 'get', path: '/x' });

      // Assert
      const { headers } = downstream.seen[0];
      expect([headers['x-request-id'], headers.traceparent, headers.authorization]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });
  });

  describe('probe', () => {
    it('is ok when the health path answers 200', async () => {
      // Arrange
      const client = build();

      // Act
      const probe = await client.probe();

      // Assert
      expect(probe).toEqual({ ok: true, status: 200 });
      expect(downstream.requestsTo('/health')).toHaveLength(1);
    });

    it('asks the configured health path', async () => {
      // Arrange
      const client = build({ healthPath: '/status/204' });

      // Act
      const probe = await client.probe();

      // Assert
      expect(probe).toEqual({ ok: true, status: 204 });
    });

    it('is not ok when the health path answers 503', async () => {
      // Arrange
      const client = build();
      downstream.healthStatus = 503;

      // Act
      const probe = await client.probe();

      // Assert
      expect(probe).toEqual({ ok: false, status: 503 });
    });

    it('is not ok, with the error code, when nothing listens', async () => {
      // Arrange
      const gone = await startDownstream();
      await gone.close();
      const client = build({ url: gone.url });

      // Act
      const probe = await client.probe();

      // Assert
      expect(probe).toEqual({ ok: false, error: 'ECONNREFUSED' });
    });

    it('goes around the pipeline: it reaches the downstream while the circuit is open', async () => {
      // Arrange
      const client = build({ env: { MAX_RETRIES: '0', CIRCUIT_BREAKER_MAX_FAILS: '1' } });
      await caught(client.send({ operation: 'get', path: '/status/503' }));

      // Act
      const probe = await client.probe();

      // Assert
      expect(client.circuitState).toBe('open');
      expect(probe).toEqual({ ok: true, status: 200 });
      expect(downstream.requestsTo('/health')).toHaveLength(1);
    });
  });
});
