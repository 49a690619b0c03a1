import { ServerResponse } from 'node:http';
import { callJson, captureProcessOutput, signTestToken } from '@keel/platform/testing';
import type { CapturedOutput } from '@keel/platform/testing';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

/** Not the defaults: a leak of either shows up as itself, not as a well-known sandbox string. */
const PROWLARR_API_KEY = 'logs-e2e-prowlarr-key-5f0c2d9a71b4';
const QBITTORRENT_PASSWORD = 'logs-e2e-qbt-password-8e13b6c0';
const REQUEST_ID = 'logs-e2e-grab-1';
/** A compact JWT: base64url header starting `{"`, then payload and (possibly empty) signature. */
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/;

interface LogLine {
  msg?: string;
  reqId?: string;
  [field: string]: unknown;
}

function jsonLines(text: string): LogLine[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/**
 * Prowlarr's API key, qBittorrent's password and session cookie and the caller's JWT all travel
 * through this service; none may reach a log line, at debug level included.
 */
describe('media-acquisition logs (e2e)', () => {
  let bed: MediaTestBed;
  let output: CapturedOutput;
  let writeHead: jest.SpyInstance;
  const cookies: string[] = [];
  const saved = {
    PROWLARR_API_KEY: process.env.PROWLARR_API_KEY,
    QBITTORRENT_PASSWORD: process.env.QBITTORRENT_PASSWORD,
  };

  beforeAll(async () => {
    // Both emulators read these when they start, which the bed does before it applies its own env.
    Object.assign(process.env, { PROWLARR_API_KEY, QBITTORRENT_PASSWORD });
    // Every Set-Cookie any in-process server sends, qBittorrent's SID included, to look for in the logs.
    const original = ServerResponse.prototype.writeHead;
    writeHead = jest.spyOn(ServerResponse.prototype, 'writeHead').mockImplementation(function (
      this: ServerResponse,
      ...args: unknown[]
    ) {
      const headers = args.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg)) as
        | Record<string, unknown>
        | undefined;
      const cookie = headers?.['set-cookie'] ?? this.getHeader('set-cookie');
      for (const value of [cookie].flat()) if (typeof value === 'string') cookies.push(value);
      return (original as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof ServerResponse.prototype.writeHead);
    output = captureProcessOutput();
    bed = await startMediaTestBed({ LOG_LEVEL: 'debug', PROWLARR_API_KEY, QBITTORRENT_PASSWORD });
  });

  afterAll(async () => {
    await bed?.close();
    output?.restore();
    writeHead?.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('logs the grab and the import as structured lines, without any key, password, cookie or token', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1', roles: ['media:write'] });
    const expired = await signTestToken({ sub: 'u1', expiresIn: -60 });
    const forged = await signTestToken({ sub: 'u1', secret: 'not-the-service-secret-0123456789abcdef' });
    const url = bed.service.url;
    const created = await callJson(url, 'POST', '/api/v1/movies', {
      token,
      body: { title: 'Blade Runner 2049', year: 2017, imdbId: 'tt1856101', tmdbId: 335984, runtimeMinutes: 164 },
    });
    const movieId = created.body.id as string;

    // Act
    const search = await callJson(url, 'POST', `/api/v1/movies/${movieId}/search`, { token });
    const grab = await callJson(url, 'POST', `/api/v1/movies/${movieId}/grab`, {
      token,
      body: {},
      headers: { 'x-request-id': REQUEST_ID },
    });
    const imported = await eventually(
      async () => {
        const movie = await callJson(url, 'GET', `/api/v1/movies/${movieId}`, { token });
        return movie.body.file ? movie.body : undefined;
      },
      30_000,
      'the import',
    );
    const refusedExpired = await callJson(url, 'GET', '/api/v1/movies', { token: expired });
    const refusedForged = await callJson(url, 'GET', '/api/v1/queue', { token: forged });
    const logs = output.text();

    // Assert: the flow ran, through both downstreams, with the non-default credentials
    expect([created.status, search.status, grab.status, refusedExpired.status, refusedForged.status]).toEqual([
      201, 200, 201, 401, 401,
    ]);
    expect(search.body.degraded).toBe(false);
    expect(imported).toMatchObject({ status: 'downloaded', download: { state: 'imported' } });
    expect(grab.headers.get('x-request-id')).toBe(REQUEST_ID);
    const sessionIds = cookies.flatMap((cookie) => /^(?:QBT_)?SID(?:_\d+)?=([^;]+)/.exec(cookie)?.[1] ?? []);
    expect(sessionIds.length).toBeGreaterThan(0);

    // Assert: structured lines for the events that matter, the grab tied to its request
    const lines = jsonLines(logs);
    expect(lines.find((line) => line.msg === 'release grabbed')).toMatchObject({
      reqId: REQUEST_ID,
      movieId,
      downloadId: grab.body.downloadId,
      quality: grab.body.quality,
    });
    expect(lines.find((line) => line.msg === 'movie imported')).toMatchObject({
      movieId,
      downloadId: grab.body.downloadId,
      transfer: 'hardlink',
    });
    expect(lines.some((line) => line.msg === 'request completed' && line.reqId === REQUEST_ID)).toBe(true);

    // Assert: no secret of any kind
    expect(logs).not.toContain(PROWLARR_API_KEY);
    expect(logs).not.toContain(QBITTORRENT_PASSWORD);
    for (const sid of sessionIds) expect(logs).not.toContain(sid);
    expect(logs).not.toMatch(/\bSID=/);
    for (const jwt of [token, expired, forged]) expect(logs).not.toContain(jwt.split('.')[2]);
    expect(logs).not.toMatch(JWT);
  });
});
