import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import axios from 'axios';
import type { AxiosInstance, GenericAbortSignal } from 'axios';
import { UndiciAdapter } from './undici-adapter';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Which connection carried the request (1 for the server's first socket, and so on). */
  socket: number;
}

/** Bytes that are not valid UTF-8, as in a .torrent file's piece hashes. */
const BINARY = Buffer.from([0x64, 0xff, 0xfe, 0x00, 0x80, 0x65]);

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

/**
 * A loopback server that echoes what it receives. `/slow` never answers and records when the client
 * drops its socket; `/status/<code>` answers that status.
 */
async function startEchoServer() {
  const seen: Seen[] = [];
  const sockets = new Map<Socket, number>();
  let open = 0;
  let allClosed = deferred();
  let slow = { arrived: deferred(), closed: deferred() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, socket: sockets.get(req.socket)! });
      const path = req.url!.split('?')[0];
      if (path === '/slow') {
        const current = slow;
        req.socket.once('close', current.closed.resolve);
        current.arrived.resolve();
        return;
      }
      if (path === '/magnet') {
        res.writeHead(301, { location: 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567' });
        res.end();
        return;
      }
      if (path === '/bytes') {
        res.writeHead(200, { 'content-type': 'application/x-bittorrent' });
        res.end(BINARY);
        return;
      }
      const status = /^\/status\/(\d{3})$/.exec(path);
      res.writeHead(status ? Number(status[1]) : 200, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body }));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, sockets.size + 1);
    if (open++ === 0) allClosed = deferred();
    socket.once('close', () => {
      if (--open === 0) allClosed.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get open() {
      return open;
    },
    get slow() {
      return slow;
    },
    /** Resolves once no connection is open. */
    allClosed: () => (open === 0 ? Promise.resolve() : allClosed.promise),
    reset() {
      seen.length = 0;
      slow = { arrived: deferred(), closed: deferred() };
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Shaped like the attempt signal the pipeline hands the transport: not a real AbortSignal. */
function lightSignal() {
  const listeners = new Set<() => void>();
  return {
    aborted: false,
    reason: undefined as unknown,
    addEventListener: (_type: 'abort', listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: 'abort', listener: () => void) => void listeners.delete(listener),
    abort(reason: unknown) {
      this.aborted = true;
      this.reason = reason;
      for (const listener of [...listeners]) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

describe(UndiciAdapter.name, () => {
  let server: Awaited<ReturnType<typeof startEchoServer>>;
  let transport: UndiciAdapter;
  let http: AxiosInstance;

  beforeAll(async () => {
    server = await startEchoServer();
  });

  beforeEach(() => {
    server.reset();
    transport = new UndiciAdapter({ connections: 4, keepAliveTimeoutMs: 1000 });
    http = axios.create({ adapter: transport.adapter, baseURL: server.url });
  });

  afterEach(async () => {
    await transport.close();
    await server.allClosed();
  });

  afterAll(async () => {
    await server.close();
  });

  it('sends a GET and hands back status, headers and the body as text', async () => {
    // Act
    const response = await http.get('/things/1', { transformResponse: [(data: unknown) => data] });

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-echo']).toBe('yes');
    expect(response.data).toBe('{"method":"GET","url":"/things/1","body":""}');
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /things/1']);
  });

  it('repeats the key of an array query parameter and leaves out undefined and null ones', async () => {
    // Act
    await http.get('/search', { params: { a: [1, 2], q: 'x y&z', skip: undefined, none: null } });

    // Assert
    expect(server.seen[0].url).toBe('/search?a=1&a=2&q=x+y%26z');
  });

  it('appends params to a URL that already has a query', async () => {
    // Act
    await http.get('/search?z=0', { params: { a: 1 } });

    // Assert
    expect(server.seen[0].url).toBe('/search?z=0&a=1');
  });

  it('keeps the base URL’s path as a prefix, without doubling a trailing slash', async () => {
    // Act
    await http.get('/things', { baseURL: `${server.url}/gateway/library/` });

    // Assert
    expect(server.seen[0].url).toBe('/gateway/library/things');
  });

  // Regression (was a bug at undici-adapter.ts:26): the path is `prefix + url` with no separator, so a relative URL
  // without a
  // leading "/" is glued to the base path ("/gatewaythings"), where axios' own adapters join them with "/".
  it('joins a base path and a relative URL without a leading slash as axios does', async () => {
    // Act
    await http.get('things', { baseURL: `${server.url}/gateway` });

    // Assert
    expect(server.seen[0].url).toBe('/gateway/things');
  });

  it('sends a JSON body with its content type, and the caller’s headers', async () => {
    // Act
    await http.post('/orders', { gameId: 'g1', qty: 2 }, { headers: { 'x-request-id': 'req-7' } });

    // Assert
    const [request] = server.seen;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-request-id']).toBe('req-7');
    expect(request.body).toBe('{"gameId":"g1","qty":2}');
  });

  it('sends PUT, PATCH and DELETE with their method', async () => {
    // Act
    await http.put('/a', { v: 1 });
    await http.patch('/b', { v: 2 });
    await http.delete('/c');

    // Assert
    expect(server.seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual([
      'PUT /a {"v":1}',
      'PATCH /b {"v":2}',
      'DELETE /c ',
    ]);
  });

  it('returns 4xx and 5xx answers instead of rejecting (axios’ validateStatus is not applied)', async () => {
    // Act
    const notFound = await http.get('/status/404');
    const unavailable = await http.get('/status/503');

    // Assert
    expect([notFound.status, unavailable.status]).toEqual([404, 503]);
  });

  it('reuses keep-alive sockets for calls made one after another', async () => {
    // Act
    for (let i = 0; i < 6; i++) await http.get(`/seq/${i}`);

    // Assert: undici still counts the first socket busy when the next call is dispatched right after the
    // body was read, so calls may alternate over two sockets, never more.
    expect(server.seen).toHaveLength(6);
    expect(new Set(server.seen.map((s) => s.socket)).size).toBeLessThanOrEqual(2);
    expect(server.open).toBeLessThanOrEqual(2);
  });

  it('spreads concurrent calls over no more than its connections, and reuses them afterwards', async () => {
    // Act
    await Promise.all(Array.from({ length: 12 }, (_, i) => http.get(`/burst/${i}`)));
    const burstSockets = new Set(server.seen.map((s) => s.socket));
    await http.get('/after');

    // Assert
    expect(burstSockets.size).toBeGreaterThanOrEqual(1);
    expect(burstSockets.size).toBeLessThanOrEqual(4);
    expect(burstSockets.has(server.seen[12].socket)).toBe(true);
  });

  it('keeps one pool per base URL, and a pool per origin serves every path prefix', async () => {
    // Act
    await http.get('/one', { baseURL: `${server.url}/a` });
    await http.get('/two', { baseURL: `${server.url}/b` });

    // Assert
    expect(server.seen.map((s) => s.url)).toEqual(['/a/one', '/b/two']);
  });

  it('destroys the socket when an AbortSignal-like object aborts, and rejects the call', async () => {
    // Arrange
    const signal = lightSignal();
    const call = http
      .get('/slow', { signal: signal as unknown as GenericAbortSignal })
      .catch((error: unknown) => error);
    await server.slow.arrived.promise;

    // Act
    signal.abort(new Error('attempt timed out'));
    const error = await call;
    await server.slow.closed.promise;

    // Assert: the server saw its socket go away, and the pool still serves on a new one
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('UND_ERR_ABORTED');
    const after = await http.get('/after-abort');
    expect(after.status).toBe(200);
    expect(server.seen[1].socket).not.toBe(server.seen[0].socket);
    expect(signal.listeners).toBe(0);
  });

  it('refuses to start a call whose signal is already aborted', async () => {
    // Arrange
    const signal = lightSignal();
    signal.abort(new Error('too late'));

    // Act
    const error = await http
      .get('/never', { signal: signal as unknown as GenericAbortSignal })
      .catch((e: unknown) => e);

    // Assert
    expect(axios.isCancel(error)).toBe(true);
    expect(server.seen).toHaveLength(0);
  });

  it('close() closes its pools: the server sees every socket go', async () => {
    // Arrange
    await Promise.all([http.get('/x'), http.get('/y'), http.get('/z')]);
    expect(server.open).toBeGreaterThan(0);

    // Act
    await transport.close();
    await server.allClosed();

    // Assert
    expect(server.open).toBe(0);
  });

  it('rejects with ECONNREFUSED when nothing listens', async () => {
    // Arrange
    const closed = await startEchoServer();
    await closed.close();

    // Act
    const error = await http.get('/x', { baseURL: closed.url }).catch((e: unknown) => e);

    // Assert
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('returns a redirect unfollowed, with its Location', async () => {
    // Act
    const response = await http.get('/magnet');

    // Assert
    expect(response.status).toBe(301);
    expect(response.headers.location).toMatch(/^magnet:\?xt=urn:btih:/);
    expect(server.seen).toHaveLength(1);
  });

  it('keeps a binary body byte for byte with responseType arraybuffer', async () => {
    // Act
    const response = await http.get<Buffer>('/bytes', { responseType: 'arraybuffer' });

    // Assert
    expect(Buffer.isBuffer(response.data)).toBe(true);
    expect(response.data.equals(BINARY)).toBe(true);
  });

  it('sends URLSearchParams as a urlencoded form', async () => {
    // Act
    await http.post('/form', new URLSearchParams({ username: 'admin', password: 'a&b' }));

    // Assert
    expect(server.seen[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(server.seen[0].body).toBe('username=admin&password=a%26b');
  });

  it('sends FormData as multipart with its own boundary, file parts included', async () => {
    // Arrange
    const form = new FormData();
    form.append('category', 'movies');
    form.append('torrents', new Blob([BINARY], { type: 'application/x-bittorrent' }), 'x.torrent');

    // Act
    await http.post('/upload', form);

    // Assert
    const contentType = String(server.seen[0].headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.seen[0].body).toContain('name="category"');
    expect(server.seen[0].body).toContain('filename="x.torrent"');
  });
});
