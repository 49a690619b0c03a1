import { callJson } from '@keel/platform/testing';
import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const NOT_A_UUID = 'not-a-uuid';
const SOME_UUID = '7d4f3a5e-9a8b-4c1d-8e2f-0a1b2c3d4e5f';

/** Every route the service adds, as [method, path, body]. */
const ROUTES: [string, string, unknown?][] = [
  ['POST', '/api/v1/movies', { title: 'Arrival', year: 2016 }],
  ['GET', '/api/v1/movies'],
  ['GET', `/api/v1/movies/${SOME_UUID}`],
  ['PUT', `/api/v1/movies/${SOME_UUID}`, { monitored: false }],
  ['DELETE', `/api/v1/movies/${SOME_UUID}`],
  ['GET', `/api/v1/movies/${SOME_UUID}/history`],
  ['POST', '/api/v1/jobs/rss-sync/run'],
  ['POST', `/api/v1/movies/${SOME_UUID}/search`],
  ['POST', `/api/v1/movies/${SOME_UUID}/grab`, {}],
  ['GET', '/api/v1/queue'],
  ['GET', '/api/v1/queue/events'],
  ['GET', '/api/v1/quality-profiles'],
  [
    'POST',
    '/api/v1/quality-profiles',
    { name: 'UHD', items: [{ quality: 'Bluray-2160p', allowed: true }], cutoff: 'Bluray-2160p' },
  ],
];

interface Release {
  guid: string;
  title: string;
  approved: boolean;
  rejections: { code: string; message: string }[];
}

/** Grab's refusals, auth on every route, history, the OpenAPI document and path validation. */
describe('media-acquisition movies API (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  const addMovie = async (body: Record<string, unknown>): Promise<string> => {
    const created = await bed.call('POST', '/api/v1/movies', body);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const torrentsInQbittorrent = () => bed.qbittorrent.store.torrents.size;

  it('refuses every route without a token with a 401 problem and a Bearer challenge, and writes nothing', async () => {
    // Act
    const answers = await Promise.all(
      ROUTES.map(([method, path, body]) => callJson(bed.service.url, method, path, { body })),
    );
    const movies = await bed.call('GET', '/api/v1/movies');
    const profiles = await bed.call('GET', '/api/v1/quality-profiles');

    // Assert
    for (const [i, answer] of answers.entries()) {
      const route = `${ROUTES[i][0]} ${ROUTES[i][1]}`;
      expect({ route, status: answer.status }).toEqual({ route, status: 401 });
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
    expect(movies.body.items).toEqual([]);
    expect(profiles.body.items.map((p: { name: string }) => p.name)).toEqual(['HD-1080p']);
    expect(torrentsInQbittorrent()).toBe(0);
  });

  it('answers a grab of a guid the search did not return with 404, and sends nothing to qBittorrent', async () => {
    // Arrange
    const id = await addMovie({ title: 'Inception', year: 2010, imdbId: 'tt1375666' });

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {
      guid: 'https://indexer.invalid/no-such-release',
    });
    const movie = await bed.call('GET', `/api/v1/movies/${id}`);

    // Assert
    expect(grab.status).toBe(404);
    expect(grab.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(grab.body.detail).toContain('https://indexer.invalid/no-such-release');
    expect(movie.body).toMatchObject({ status: 'wanted' });
    expect(movie.body.download).toBeUndefined();
    expect(torrentsInQbittorrent()).toBe(0);
  });

  it('answers a grab of a rejected release (a CAM) with 409 and why, sending nothing to qBittorrent', async () => {
    // Arrange
    const id = await addMovie({ title: 'Dune', year: 2021 });
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);
    const cam = (search.body.releases as Release[]).find((r) => /\bHDCAM\b/.test(r.title));
    expect(cam).toMatchObject({ approved: false });
    expect(cam!.rejections.length).toBeGreaterThan(0);

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, { guid: cam!.guid });
    const queue = await bed.call('GET', '/api/v1/queue');

    // Assert
    expect(grab.status).toBe(409);
    expect(grab.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(grab.body.detail).toContain(cam!.title);
    for (const rejection of cam!.rejections) expect(grab.body.detail).toContain(rejection.message);
    expect(queue.body.items).toEqual([]);
    expect(torrentsInQbittorrent()).toBe(0);
  });

  it('answers a grab for a movie no indexer has an approved release of with 409', async () => {
    // Arrange
    const id = await addMovie({ title: 'The Keel Test Film Nobody Uploaded', year: 1999 });
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    const history = await bed.call('GET', `/api/v1/movies/${id}/history`);

    // Assert
    expect(search.status).toBe(200);
    expect((search.body.releases as Release[]).filter((r) => r.approved)).toEqual([]);
    expect(grab.status).toBe(409);
    expect(grab.body.detail).toMatch(/^No release of The Keel Test Film Nobody Uploaded is approved/);
    expect(history.body.items).toEqual([]);
    expect(torrentsInQbittorrent()).toBe(0);
  });

  it('lists a grabbed event in the movie history after a grab', async () => {
    // Arrange
    const id = await addMovie({
      title: 'Blade Runner 2049',
      year: 2017,
      imdbId: 'tt1856101',
      tmdbId: 335984,
      runtimeMinutes: 164,
    });
    const before = await bed.call('GET', `/api/v1/movies/${id}/history`);

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    const history = await bed.call('GET', `/api/v1/movies/${id}/history`);

    // Assert
    expect(before.body.items).toEqual([]);
    expect(grab.status).toBe(201);
    expect(history.status).toBe(200);
    const grabbed = (history.body.items as { event: string }[]).filter((h) => h.event === 'grabbed');
    expect(grabbed).toEqual([
      expect.objectContaining({
        event: 'grabbed',
        sourceTitle: grab.body.releaseTitle,
        downloadId: grab.body.downloadId,
        quality: grab.body.quality,
        data: expect.objectContaining({ indexer: grab.body.indexer }),
      }),
    ]);
    // qBittorrent keys torrents by the lower-case info hash; the service reports it upper-case, as Radarr does.
    expect(bed.qbittorrent.store.torrents.has(grab.body.downloadId.toLowerCase())).toBe(true);
  });

  describe('adding a movie by tmdbId alone', () => {
    afterEach(async () => {
      await bed.tmdbFaults.heal();
    });

    it('takes title, year, runtime and IMDb id from TMDB, sending it a bearer key and no key in the URL', async () => {
      // Arrange
      await bed.tmdbFaults.resetStats();

      // Act
      const created = await bed.call('POST', '/api/v1/movies', { tmdbId: 157336 });

      // Assert
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'Interstellar',
        year: 2014,
        tmdbId: 157336,
        imdbId: 'tt0816692',
        runtimeMinutes: 169,
        status: 'wanted',
      });
      const stats = await bed.tmdbFaults.stats<{
        byPath: Record<string, number>;
        lastHeaders: { authorization?: boolean };
      }>();
      expect(stats.byPath).toEqual({ '/3/movie/157336': 1 });
      expect(stats.lastHeaders.authorization).toBe(true);
    });

    it('keeps what the caller gives and fills only the rest', async () => {
      // Act
      const created = await bed.call('POST', '/api/v1/movies', { tmdbId: 680, title: 'Pulp Fiction (Director’s Cut)' });

      // Assert
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: 'Pulp Fiction (Director’s Cut)',
        year: 1994,
        runtimeMinutes: 154,
        imdbId: 'tt0110912',
      });
    });

    it('does not ask TMDB when title and year are given, so an add works while TMDB is down', async () => {
      // Arrange
      await bed.tmdbFaults.inject({ mode: 'down' });

      // Act
      const created = await bed.call('POST', '/api/v1/movies', { title: 'Fight Club', year: 1999, tmdbId: 550 });

      // Assert
      expect(created.status).toBe(201);
      expect(created.body.runtimeMinutes).toBeUndefined();
    });

    it('answers 503 problem+json when TMDB is down and had to be asked, and adds nothing', async () => {
      // Arrange
      await bed.tmdbFaults.inject({ mode: 'error', status: 503 });

      // Act
      const answer = await bed.call('POST', '/api/v1/movies', { tmdbId: 155 });
      const list = await bed.call('GET', '/api/v1/movies');

      // Assert
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 503 });
      expect(list.body.items.map((m: { tmdbId?: number }) => m.tmdbId)).not.toContain(155);
    });

    it('answers 400 for a tmdbId TMDB does not know', async () => {
      // Act
      const answer = await bed.call('POST', '/api/v1/movies', { tmdbId: 999_999_999 });

      // Assert
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body.detail).toBe('TMDB knows no movie with tmdbId 999999999');
    });

    it('answers 400 naming year when neither year nor tmdbId is given, before asking TMDB', async () => {
      // Arrange
      await bed.tmdbFaults.resetStats();

      // Act
      const answer = await bed.call('POST', '/api/v1/movies', { title: 'Heat' });

      // Assert
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toContain('year is required unless tmdbId is given');
      expect(answer.body.errors.every((e: string) => e.startsWith('year '))).toBe(true);
      expect((await bed.tmdbFaults.stats()).requests).toBe(0);
    });

    it('reports TMDB in /api/health', async () => {
      // Act
      const health = await bed.call('GET', '/api/health');

      // Assert
      expect(health.body.details).toMatchObject({ tmdb: { status: 'up' } });
    });
  });

  it('documents the movie, search, grab, queue and profile routes in the OpenAPI document', async () => {
    // Act
    const docs = await callJson(bed.service.url, 'GET', '/docs-json');

    // Assert
    expect(docs.status).toBe(200);
    const paths = docs.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/movies',
        '/api/v1/movies/{id}',
        '/api/v1/movies/{id}/history',
        '/api/v1/movies/{id}/search',
        '/api/v1/movies/{id}/grab',
        '/api/v1/queue',
        '/api/v1/queue/events',
        '/api/v1/quality-profiles',
      ]),
    );
    expect(Object.keys(paths['/api/v1/movies/{id}/grab'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '404', '409', '503']),
    );
    expect(Object.keys(paths['/api/v1/queue/events'].get.responses)).toContain('401');
    expect(Object.keys(paths['/api/v1/quality-profiles'])).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('answers an id that is not a UUID with 400 on every movie route, before reaching a downstream', async () => {
    // Arrange
    await bed.indexers.resetSearchLog();

    // Act
    const answers = await Promise.all([
      bed.call('GET', `/api/v1/movies/${NOT_A_UUID}`),
      bed.call('PUT', `/api/v1/movies/${NOT_A_UUID}`, { monitored: false }),
      bed.call('DELETE', `/api/v1/movies/${NOT_A_UUID}`),
      bed.call('GET', `/api/v1/movies/${NOT_A_UUID}/history`),
      bed.call('POST', `/api/v1/movies/${NOT_A_UUID}/search`),
      bed.call('POST', `/api/v1/movies/${NOT_A_UUID}/grab`, {}),
    ]);

    // Assert
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400]);
    for (const answer of answers) expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await bed.indexers.searchLog()).toEqual([]);
  });
});
