import { callJson, signTestToken } from '@keel/platform/testing';
import type { Answer } from '@keel/platform/testing';
import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const PROBLEM = /^application\/problem\+json/;
const SOME_HASH = 'A'.repeat(40);

/** Writes need a write role (MEDIA_WRITE_ROLES, default media:write or admin); reads any signed-in user. */
describe('media-acquisition write access (e2e)', () => {
  let bed: MediaTestBed;
  let movieId: string;

  beforeAll(async () => {
    bed = await startMediaTestBed();
    movieId = (
      await bed.call('POST', '/api/v1/movies', {
        title: 'Blade Runner 2049',
        year: 2017,
        imdbId: 'tt1856101',
        runtimeMinutes: 164,
      })
    ).body.id;
    // A bound on start-up (PGlite and migrations) on a busy machine, not a timing claim.
  }, 60_000);

  afterAll(async () => {
    await bed?.close();
  });

  const as = (token: string) => (method: string, path: string, body?: unknown) =>
    callJson(bed.service.url, method, path, { token, body });
  const writes = (): [string, string, unknown?][] => [
    ['POST', '/api/v1/movies', { title: 'Arrival', year: 2016 }],
    ['POST', `/api/v1/movies/${movieId}/search`],
    ['POST', `/api/v1/movies/${movieId}/grab`, {}],
    [
      'POST',
      '/api/v1/quality-profiles',
      { name: 'UHD', items: [{ quality: 'Bluray-2160p', allowed: true }], cutoff: 'Bluray-2160p' },
    ],
    ['DELETE', `/api/v1/queue/${SOME_HASH}`],
    ['PUT', `/api/v1/movies/${movieId}`, { monitored: false }],
    ['DELETE', `/api/v1/movies/${movieId}?deleteFiles=true`],
    ['POST', '/api/v1/jobs/rss-sync/run'],
  ];
  const reads = (): string[] => [
    '/api/v1/movies',
    `/api/v1/movies/${movieId}`,
    `/api/v1/movies/${movieId}/history`,
    '/api/v1/queue',
    '/api/v1/quality-profiles',
  ];

  function expectForbidden(route: string, answer: Answer): void {
    expect({ route, status: answer.status }).toEqual({ route, status: 403 });
    expect(answer.headers.get('content-type')).toMatch(PROBLEM);
    expect(answer.body).toMatchObject({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'requires the role media:write or admin',
    });
  }

  it('answers 403 problem+json to a reader on every write; nothing is written or asked of a downstream', async () => {
    const reader = as(await signTestToken({ sub: 'viewer', roles: ['member'] }));
    const [moviesBefore, profilesBefore] = await Promise.all([
      bed.call('GET', '/api/v1/movies'),
      bed.call('GET', '/api/v1/quality-profiles'),
    ]);
    await bed.indexers.resetSearchLog();

    for (const [method, path, body] of writes()) expectForbidden(`${method} ${path}`, await reader(method, path, body));

    expect((await bed.call('GET', '/api/v1/movies')).body.items).toHaveLength(moviesBefore.body.items.length);
    expect((await bed.call('GET', '/api/v1/quality-profiles')).body.items).toHaveLength(
      profilesBefore.body.items.length,
    );
    expect((await bed.call('GET', `/api/v1/movies/${movieId}`)).body).toMatchObject({ id: movieId, monitored: true });
    expect(await bed.indexers.searchLog()).toEqual([]);
    expect(bed.qbittorrent.store.torrents.size).toBe(0);
  });

  it('answers 200 to a reader on every read, the event stream included', async () => {
    const token = await signTestToken({ sub: 'viewer' });
    const reader = as(token);

    for (const path of reads()) {
      const answer = await reader('GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }
    const abort = new AbortController();
    const stream = await fetch(`${bed.service.url}/api/v1/queue/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    abort.abort();
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  });

  it.each([
    ['the media:write role', { roles: ['media:write'] }],
    ['the admin role', { roles: ['admin'] }],
    ['the media:write OAuth scope', { claims: { scope: 'openid media:write' } }],
  ])('lets a caller with %s write', async (_name, grant) => {
    const writer = as(await signTestToken({ sub: 'editor', ...grant }));

    const created = await writer('POST', '/api/v1/movies', { title: `Heat ${_name}`, year: 1995 });
    const removed = await writer('DELETE', `/api/v1/queue/${SOME_HASH}`);

    expect(created.status).toBe(201);
    expect(removed.status).toBe(404);
  });

  it('documents the 403 of every write in the OpenAPI document, and none on a read', async () => {
    const docs = await callJson(bed.service.url, 'GET', '/docs-json');
    const paths = docs.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;

    for (const [method, path] of [
      ['post', '/api/v1/movies'],
      ['post', '/api/v1/movies/{id}/search'],
      ['post', '/api/v1/movies/{id}/grab'],
      ['post', '/api/v1/quality-profiles'],
      ['delete', '/api/v1/queue/{downloadId}'],
      ['put', '/api/v1/movies/{id}'],
      ['delete', '/api/v1/movies/{id}'],
      ['post', '/api/v1/jobs/{name}/run'],
    ]) {
      expect({ method, path, has403: '403' in paths[path][method].responses }).toEqual({ method, path, has403: true });
    }
    expect(Object.keys(paths['/api/v1/movies'].get.responses)).not.toContain('403');
  });
});
