import { Agent } from 'node:http';
import { BEARER, eventually, http } from '../testing/http-client';
import { readJsonBody } from './body';
import { startEmulator } from './emulator-server';
import type { Route, RunningEmulator } from './emulator.types';
import { sendJson } from './respond';

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/items/:id',
    handler: (ctx) => sendJson(ctx.res, 200, { id: ctx.params.id, q: ctx.query.get('q') }),
  },
  {
    method: 'POST',
    path: '/api/v1/echo',
    handler: async (ctx) => sendJson(ctx.res, 201, await readJsonBody(ctx.req)),
  },
  {
    method: 'GET',
    path: '/api/v1/boom',
    handler: () => {
      throw new Error('kaboom');
    },
  },
  { method: 'GET', path: '/other/ping', handler: (ctx) => sendJson(ctx.res, 200, { pong: true }) },
  { method: 'POST', path: '/_sandbox/toy/reset', handler: (ctx) => sendJson(ctx.res, 200, { reset: true }) },
];

describe(startEmulator.name, () => {
  let emulator: RunningEmulator;
  const put = (fault: unknown) => http(`${emulator.url}/_sandbox/faults`, { method: 'PUT', body: fault });
  const stats = async () => (await http(`${emulator.url}/_sandbox/stats`)).json();

  beforeEach(async () => {
    emulator = await startEmulator({ name: 'toy', port: 0, routes: ROUTES });
  });

  afterEach(async () => {
    await emulator.close();
  });

  describe("an emulator's own controls under /_sandbox/<name>/", () => {
    it('answers them, never faulted and never counted', async () => {
      // Arrange
      await put({ mode: 'error', status: 503 });

      // Act
      const own = await http(`${emulator.url}/_sandbox/toy/reset`, { method: 'POST' });
      const wrongMethod = await http(`${emulator.url}/_sandbox/toy/reset`);
      const unknown = await http(`${emulator.url}/_sandbox/toy/nothing`, { method: 'POST' });

      // Assert
      expect(own.status).toBe(200);
      expect(await own.json()).toEqual({ reset: true });
      expect(wrongMethod.status).toBe(405);
      expect(unknown.status).toBe(404);
      expect((await stats()).requests).toBe(0);
    });
  });

  describe('routing', () => {
    it('listens on an ephemeral loopback port', () => {
      // Assert
      expect(emulator.name).toBe('toy');
      expect(emulator.port).toBeGreaterThan(0);
      expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    });

    it('passes params and query to the handler', async () => {
      // Act
      const res = await http(`${emulator.url}/api/v1/items/i%2F7?q=hello+world`);

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toEqual({ id: 'i/7', q: 'hello world' });
    });

    it('reads a JSON body in an async handler', async () => {
      // Act
      const res = await http(`${emulator.url}/api/v1/echo`, { method: 'POST', body: { a: [1, 2] } });

      // Assert
      expect(res.status).toBe(201);
      expect(res.json()).toEqual({ a: [1, 2] });
    });

    it('answers 404 problem+json for an unknown route and 405 with Allow for a wrong method', async () => {
      // Act
      const missing = await http(`${emulator.url}/api/v1/nothing`);
      const wrongMethod = await http(`${emulator.url}/other/ping`, { method: 'DELETE' });

      // Assert
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toBe('application/problem+json');
      expect(missing.json()).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'No route for GET /api/v1/nothing',
      });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers['allow']).toBe('GET');
    });

    it('turns a throwing handler into a 500 problem', async () => {
      // Act
      const res = await http(`${emulator.url}/api/v1/boom`);

      // Assert
      expect(res.status).toBe(500);
      expect(res.json()).toMatchObject({ status: 500, detail: 'kaboom' });
    });

    it('keeps connections alive between requests', async () => {
      // Arrange
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });

      // Act
      const first = await http(`${emulator.url}/other/ping`, { agent });
      const second = await http(`${emulator.url}/other/ping`, { agent });
      agent.destroy();

      // Assert
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.headers['connection']).toBe('keep-alive');
      expect(emulator.stats().connections.total).toBe(1);
    });
  });

  describe('control API', () => {
    it('sets, reports and clears a fault', async () => {
      // Act
      const set = await put({ mode: 'error', status: 502, path: '/api/v1' });
      const current = await http(`${emulator.url}/_sandbox/faults`);
      const cleared = await http(`${emulator.url}/_sandbox/faults`, { method: 'DELETE' });
      const after = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      const expected = { mode: 'error', status: 502, rate: 1, latencyMs: 0, retryAfterSeconds: null, path: '/api/v1' };
      expect(set.status).toBe(200);
      expect(set.json()).toEqual(expected);
      expect(current.json()).toEqual(expected);
      expect(cleared.status).toBe(204);
      expect(emulator.getFaults().mode).toBe('ok');
      expect(after.status).toBe(200);
    });

    it('treats mode ok as clearing the fault', async () => {
      // Arrange
      emulator.setFaults({ mode: 'error' });

      // Act
      const res = await put({ mode: 'ok' });

      // Assert
      expect(res.json()).toMatchObject({ mode: 'ok' });
      expect((await http(`${emulator.url}/other/ping`)).status).toBe(200);
    });

    it.each([
      ['an invalid mode', { mode: 'nope' }, /mode must be one of/],
      ['a rate out of range', { mode: 'error', rate: 2 }, /rate/],
      ['an unknown field', { mode: 'error', sttaus: 500 }, /Unknown fault field/],
      ['broken JSON', '{"mode":', /not valid JSON/],
      ['an empty body', '', /empty/],
    ])('answers 400 problem+json for %s and keeps the old fault', async (_label, body, detail) => {
      // Arrange
      emulator.setFaults({ mode: 'malformed' });

      // Act
      const res = await put(body);

      // Assert
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
      expect(res.json().detail).toMatch(detail);
      expect(emulator.getFaults().mode).toBe('malformed');
    });

    it('answers 404 for an unknown control path and 405 for a wrong method', async () => {
      // Act
      const missing = await http(`${emulator.url}/_sandbox/nothing`);
      const wrongMethod = await http(`${emulator.url}/_sandbox/stats`, { method: 'POST' });

      // Assert
      expect(missing.status).toBe(404);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers['allow']).toBe('GET, DELETE');
    });

    it('is never faulted, even by a fault on every path', async () => {
      // Arrange
      emulator.setFaults({ mode: 'down' });

      // Act
      const statsRes = await http(`${emulator.url}/_sandbox/stats`);
      const cleared = await http(`${emulator.url}/_sandbox/faults`, { method: 'DELETE' });

      // Assert
      expect(statsRes.status).toBe(200);
      expect(cleared.status).toBe(204);
    });

    it('rejects an invalid fault given programmatically', () => {
      // Act
      const set = () => emulator.setFaults({ mode: 'error', status: 200 });

      // Assert
      expect(set).toThrow(/Invalid fault: status/);
    });
  });

  describe('stats', () => {
    it('counts requests by path, without the query, and ignores control calls', async () => {
      // Act
      await http(`${emulator.url}/api/v1/items/1?q=a`);
      await http(`${emulator.url}/api/v1/items/1?q=b`);
      await http(`${emulator.url}/api/v1/items/2`);
      await http(`${emulator.url}/nowhere`);
      await put({ mode: 'ok' });
      const body = await stats();

      // Assert
      expect(body).toMatchObject({
        requests: 4,
        byPath: { '/api/v1/items/1': 2, '/api/v1/items/2': 1, '/nowhere': 1 },
        aborted: 0,
        faulted: { error: 0, down: 0, slow: 0, reset: 0, malformed: 0 },
      });
      expect(body.connections.total).toBeGreaterThanOrEqual(5);
    });

    it('counts faulted requests before the fault applies', async () => {
      // Arrange
      emulator.setFaults({ mode: 'error' });

      // Act
      await http(`${emulator.url}/api/v1/items/1`);
      await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(await stats()).toMatchObject({ requests: 2, byPath: { '/api/v1/items/1': 2 }, faulted: { error: 2 } });
    });

    it('resets the counters on DELETE', async () => {
      // Arrange
      emulator.setFaults({ mode: 'error' });
      await http(`${emulator.url}/api/v1/items/1`, { headers: { 'x-request-id': 'r-1' } });

      // Act
      const reset = await http(`${emulator.url}/_sandbox/stats`, { method: 'DELETE' });
      const body = await stats();

      // Assert
      expect(reset.status).toBe(204);
      expect(body).toMatchObject({ requests: 0, byPath: {}, aborted: 0, faulted: { error: 0 }, lastHeaders: {} });
      expect(body.connections.total).toBeLessThanOrEqual(1);
    });

    it('echoes x-request-id and traceparent and records them, the token only as a flag', async () => {
      // Arrange
      const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

      // Act
      const res = await http(`${emulator.url}/api/v1/items/1`, {
        headers: { ...BEARER, 'x-request-id': 'req-42', traceparent },
      });
      const raw = (await http(`${emulator.url}/_sandbox/stats`)).text;

      // Assert
      expect(res.headers['x-request-id']).toBe('req-42');
      expect(res.headers['traceparent']).toBe(traceparent);
      expect(JSON.parse(raw).lastHeaders).toEqual({ 'x-request-id': 'req-42', traceparent, authorization: true });
      expect(raw).not.toContain('test-token-123');
    });

    it('records absent headers as absent', async () => {
      // Act
      const res = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(res.headers['x-request-id']).toBeUndefined();
      expect((await stats()).lastHeaders).toEqual({ authorization: false });
    });
  });

  describe('faults', () => {
    it('error: answers the status as problem+json with Retry-After', async () => {
      // Arrange
      await put({ mode: 'error', status: 503, retryAfterSeconds: 7 });

      // Act
      const res = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.headers['retry-after']).toBe('7');
      expect(res.json()).toEqual({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'Injected by the sandbox error fault',
      });
    });

    it('error: sends no Retry-After when none is set', async () => {
      // Arrange
      await put({ mode: 'error', status: 429 });

      // Act
      const res = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBeUndefined();
    });

    it('down: a new connection fails at the network level, and clearing the fault restores service', async () => {
      // Arrange
      await put({ mode: 'down' });

      // Act
      const failure = http(`${emulator.url}/api/v1/items/1`);
      await expect(failure).rejects.toMatchObject({ code: 'ECONNRESET' });
      await http(`${emulator.url}/_sandbox/faults`, { method: 'DELETE' });
      const recovered = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(recovered.status).toBe(200);
      expect(await stats()).toMatchObject({ requests: 2, faulted: { down: 1 }, aborted: 0 });
    });

    it('down: also breaks a keep-alive socket opened before the fault', async () => {
      // Arrange
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const first = await http(`${emulator.url}/other/ping`, { agent });
      emulator.setFaults({ mode: 'down' });

      // Act
      const second = http(`${emulator.url}/other/ping`, { agent });

      // Assert
      await expect(second).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(first.status).toBe(200);
      expect(emulator.stats()).toMatchObject({ requests: 2, connections: { total: 1 }, faulted: { down: 1 } });
      agent.destroy();
    });

    it('slow: waits latencyMs, then answers normally', async () => {
      // Arrange
      await put({ mode: 'slow', latencyMs: 150 });
      const started = Date.now();

      // Act
      const res = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ id: '1', q: null });
      expect(emulator.stats()).toMatchObject({ requests: 1, faulted: { slow: 1 }, aborted: 0 });
    });

    it('slow: a client that gives up is counted as aborted and its socket closes', async () => {
      // Arrange
      emulator.setFaults({ mode: 'slow', latencyMs: 60_000 });
      const controller = new AbortController();
      const pending = http(`${emulator.url}/api/v1/items/1`, { signal: controller.signal });
      const during = await eventually(
        () => emulator.stats(),
        (s) => s.requests === 1,
      );

      // Act
      controller.abort();

      // Assert
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      const after = await eventually(
        () => emulator.stats(),
        (s) => s.aborted === 1 && s.connections.open === 0,
      );
      expect(during.connections.open).toBe(1);
      expect(after).toMatchObject({ requests: 1, aborted: 1, connections: { open: 0, total: 1 } });
    });

    it('reset: starts a 200 answer, then destroys the socket', async () => {
      // Arrange
      await put({ mode: 'reset' });

      // Act
      const failure = http(`${emulator.url}/api/v1/items/1`);

      // Assert
      await expect(failure).rejects.toMatchObject({ code: 'ECONNRESET', status: 200 });
      expect(emulator.stats()).toMatchObject({ requests: 1, faulted: { reset: 1 }, aborted: 0 });
    });

    it('malformed: answers 200 application/json with a body that is not JSON', async () => {
      // Arrange
      await put({ mode: 'malformed' });

      // Act
      const res = await http(`${emulator.url}/api/v1/items/1`);

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.text).toBe('{"owned": tru');
      expect(() => res.json()).toThrow(SyntaxError);
    });

    it('applies only to paths under the given prefix', async () => {
      // Arrange
      await put({ mode: 'error', path: '/api/v1/items/1' });

      // Act
      const hit = await http(`${emulator.url}/api/v1/items/1`);
      const miss = await http(`${emulator.url}/other/ping`);

      // Assert
      expect(hit.status).toBe(503);
      expect(miss.status).toBe(200);
      expect(emulator.stats().faulted.error).toBe(1);
    });

    it.each([
      [0, 0],
      [1, 10],
    ])('with rate %d affects %d of 10 requests', async (rate, expectedFaulted) => {
      // Arrange
      await put({ mode: 'error', rate });

      // Act
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await http(`${emulator.url}/api/v1/items/1`)).status);

      // Assert
      expect(statuses.filter((status) => status === 503)).toHaveLength(expectedFaulted);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10 - expectedFaulted);
      expect(emulator.stats()).toMatchObject({ requests: 10, faulted: { error: expectedFaulted } });
    });
  });

  it('close() also ends idle keep-alive connections', async () => {
    // Arrange
    const other = await startEmulator({ name: 'other', routes: ROUTES });
    const agent = new Agent({ keepAlive: true });
    await http(`${other.url}/other/ping`, { agent });

    // Act
    await other.close();

    // Assert
    await eventually(
      () => other.stats().connections.open,
      (open) => open === 0,
    );
    await expect(http(`${other.url}/other/ping`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });
});
