import { createHash } from 'node:crypto';
import { hash } from '@ctrl/torrent-file';
import { http } from '../testing/http-client';
import { SANDBOX_PROWLARR_API_KEY } from './prowlarr.constants';
import { prowlarrControl } from './prowlarr.control';
import { startProwlarrEmulator, type RunningProwlarrEmulator } from './prowlarr.emulator';
import { PROWLARR_RELEASES } from './prowlarr-releases.seed';

type Release = Record<string, any>;

describe(startProwlarrEmulator.name, () => {
  let prowlarr: RunningProwlarrEmulator;
  const KEY = { 'x-api-key': SANDBOX_PROWLARR_API_KEY };
  const get = (path: string, headers: Record<string, string> = KEY) => http(`${prowlarr.url}${path}`, { headers });
  const search = async (query: string) => {
    const res = await get(`/api/v1/search?${query}`);
    expect(res.status).toBe(200);
    return res.json<Release[]>();
  };

  beforeAll(async () => {
    delete process.env.PROWLARR_API_KEY;
    prowlarr = await startProwlarrEmulator();
  });

  afterAll(async () => {
    await prowlarr.close();
  });

  beforeEach(() => {
    prowlarr.setFaults(null);
    prowlarr.resetStats();
    prowlarr.resetIndexerBehaviours();
    prowlarr.resetSearchLog();
  });

  describe('seed', () => {
    it('holds at least 36 releases, about a third of them .torrent files, with distinct keys', () => {
      // Arrange
      const torrents = PROWLARR_RELEASES.filter((release) => release.kind === 'torrent').length;

      // Assert
      expect(PROWLARR_RELEASES.length).toBeGreaterThanOrEqual(36);
      expect(torrents / PROWLARR_RELEASES.length).toBeGreaterThan(0.25);
      expect(torrents / PROWLARR_RELEASES.length).toBeLessThan(0.45);
      expect(new Set(PROWLARR_RELEASES.map((release) => release.key)).size).toBe(PROWLARR_RELEASES.length);
    });
  });

  describe('auth', () => {
    it.each([
      ['no key', {}],
      ['a wrong X-Api-Key', { 'x-api-key': 'nope' }],
      ['a wrong bearer', { authorization: 'Bearer nope' }],
    ])('answers 401 with an empty body for %s', async (_, headers) => {
      // Act
      const res = await get('/api/v1/indexer', headers);

      // Assert
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
    });

    it.each([
      ['X-Api-Key', '/api/v1/system/status', KEY],
      ['Authorization: Bearer', '/api/v1/system/status', { authorization: `Bearer ${SANDBOX_PROWLARR_API_KEY}` }],
      ['the apikey query', `/api/v1/system/status?apikey=${SANDBOX_PROWLARR_API_KEY}`, {}],
    ])('accepts the key in %s', async (_, path, headers) => {
      // Act
      const res = await get(path, headers);

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ appName: 'Prowlarr', version: '2.3.6.5192' });
    });

    it('takes its key from PROWLARR_API_KEY when no option is given', async () => {
      // Arrange
      process.env.PROWLARR_API_KEY = 'from-env';
      const other = await startProwlarrEmulator();
      delete process.env.PROWLARR_API_KEY;

      // Act
      const withEnvKey = await http(`${other.url}/api/v1/health`, { headers: { 'x-api-key': 'from-env' } });
      const withDefault = await http(`${other.url}/api/v1/health`, { headers: KEY });
      await other.close();

      // Assert
      expect(withEnvKey.status).toBe(200);
      expect(withDefault.status).toBe(401);
    });

    it('answers /ping without a key', async () => {
      // Act
      const res = await get('/ping', {});

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ status: 'OK' });
    });
  });

  describe('GET /api/v1/search', () => {
    it('finds a movie by {ImdbId:tt…} token, whatever its case, with Prowlarr’s JSON', async () => {
      // Act
      const releases = await search(`type=movie&query=${encodeURIComponent('{imdbid:tt0133093}')}`);

      // Assert
      expect(releases.length).toBeGreaterThanOrEqual(8);
      expect(releases.every((r) => r.imdbId === 133093 && r.tmdbId === 603 && r.protocol === 'torrent')).toBe(true);
      const bluray = releases.find((r) => r.title === 'The.Matrix.1999.1080p.BluRay.x264-AMIABLE')!;
      expect(bluray).toMatchObject({
        indexerId: 1,
        indexer: '1337x',
        fileName: 'The.Matrix.1999.1080p.BluRay.x264-AMIABLE.torrent',
        indexerFlags: ['scene'],
        categories: [
          { id: 2000, name: 'Movies', subCategories: [] },
          { id: 2040, name: 'Movies/HD', subCategories: [] },
        ],
      });
      expect(bluray.size).toBeGreaterThan(8 * 1024 ** 3);
      expect(bluray.infoHash).toMatch(/^[0-9a-f]{40}$/);
      expect(bluray.guid).toMatch(/^https:\/\/1337x\.to\//);
      expect(bluray.downloadUrl).toMatch(
        new RegExp(`^${prowlarr.url}/1/download\\?apikey=${SANDBOX_PROWLARR_API_KEY}&link=[A-Za-z0-9_-]+&file=`),
      );
      expect(bluray).not.toHaveProperty('magnetUrl');
    });

    it('omits null properties instead of sending null', async () => {
      // Act
      const releases = await search(`query=${encodeURIComponent('{TmdbId:27205}')}`);

      // Assert
      expect(releases.length).toBeGreaterThan(0);
      for (const release of releases) expect(Object.values(release)).not.toContain(null);
      expect(releases.find((r) => r.indexer === 'The Pirate Bay')).not.toHaveProperty('downloadUrl');
    });

    it('matches free text by title words, which also finds the 1984 film', async () => {
      // Act
      const releases = await search('query=dune');

      // Assert
      expect(new Set(releases.map((r) => r.imdbId))).toEqual(new Set([1160419, 87182]));
    });

    it('filters by repeated indexerIds and by a parent category', async () => {
      // Act
      const releases = await search(
        `query=${encodeURIComponent('{ImdbId:tt2543164}')}&indexerIds=3&indexerIds=5&categories=2000`,
      );
      const uhdOnly = await search(`query=${encodeURIComponent('{ImdbId:tt2543164}')}&categories=2045`);

      // Assert
      expect(new Set(releases.map((r) => r.indexerId))).toEqual(new Set([3, 5]));
      expect(uhdOnly.map((r) => r.title)).toEqual(['Arrival.2016.2160p.UHD.BluRay.x265.HDR.DTS-HD.MA.5.1-SWTYBLZ']);
    });

    it('keeps the higher-priority copy of a release two indexers share', async () => {
      // Act
      const all = await search(`query=${encodeURIComponent('{ImdbId:tt2543164}')}`);
      const limeOnly = await search(`query=${encodeURIComponent('{ImdbId:tt2543164}')}&indexerIds=4`);

      // Assert
      const guids = all.map((r) => r.guid);
      expect(new Set(guids).size).toBe(guids.length);
      expect(all.filter((r) => r.title === 'Arrival.2016.1080p.BluRay.x264-SPARKS').map((r) => r.indexerId)).toEqual([
        1,
      ]);
      expect(
        limeOnly.filter((r) => r.title === 'Arrival.2016.1080p.BluRay.x264-SPARKS').map((r) => r.indexerId),
      ).toEqual([4]);
    });

    it('pages with limit and offset', async () => {
      // Arrange
      const all = await search(`query=${encodeURIComponent('{ImdbId:tt1375666}')}`);

      // Act
      const page = await search(`query=${encodeURIComponent('{ImdbId:tt1375666}')}&offset=2&limit=3`);

      // Assert
      expect(page.map((r) => r.guid)).toEqual(all.slice(2, 5).map((r) => r.guid));
    });

    it('waits for the slowest selected indexer and drops a failing one silently', async () => {
      // Arrange
      const control = prowlarrControl(prowlarr.url);
      await control.setIndexer(1, { failing: true });
      await control.setIndexer(2, { latencyMs: 300 });
      const query = `query=${encodeURIComponent('{ImdbId:tt1856101}')}`;

      // Act
      const pending = get(`/api/v1/search?${query}&indexerIds=1&indexerIds=2`);
      const early = await Promise.race([
        pending.then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 150)),
      ]);
      const res = await pending;

      // Assert
      expect(early).toBe('waiting');
      expect(res.status).toBe(200);
      expect(new Set(res.json<Release[]>().map((r) => r.indexerId))).toEqual(new Set([2]));
    });

    it('leaves out the fields set with omit-fields, as another Prowlarr version would, until reset', async () => {
      // Arrange
      const control = prowlarrControl(prowlarr.url);
      await control.omitFields({ indexer: ['supportsSearch', 'priority'], release: ['indexerFlags', 'size'] });

      // Act
      const indexers = (await get('/api/v1/indexer')).json<Release[]>();
      const releases = await search(`query=${encodeURIComponent('{ImdbId:tt1375666}')}`);
      await control.resetOmittedFields();
      const restored = (await get('/api/v1/indexer')).json<Release[]>();

      // Assert
      expect(indexers.length).toBeGreaterThan(0);
      expect(
        indexers.every((indexer) => !('supportsSearch' in indexer) && !('priority' in indexer) && 'name' in indexer),
      ).toBe(true);
      expect(releases.length).toBeGreaterThan(0);
      expect(
        releases.every((release) => !('indexerFlags' in release) && !('size' in release) && 'title' in release),
      ).toBe(true);
      expect(restored.every((indexer) => indexer.supportsSearch === true)).toBe(true);
    });

    it('answers 400 when every selected indexer is unavailable', async () => {
      // Arrange
      prowlarr.setIndexerBehaviour(3, { failing: true });

      // Act
      const res = await get('/api/v1/search?query=dune&indexerIds=3');

      // Assert
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({ message: 'Search failed due to all selected indexers being unavailable' });
    });

    it('logs every arrival with its raw query and where the key came from', async () => {
      // Act
      await get('/api/v1/search?query=x&indexerIds=1&indexerIds=2');
      await get(`/api/v1/search?query=x&apikey=${SANDBOX_PROWLARR_API_KEY}`, {});
      await get('/api/v1/search?query=x', {});
      const log = await prowlarrControl(prowlarr.url).searchLog();

      // Assert
      expect(log.map((entry) => [entry.url, entry.apiKeyVia])).toEqual([
        ['/api/v1/search?query=x&indexerIds=1&indexerIds=2', 'header'],
        [`/api/v1/search?query=x&apikey=${SANDBOX_PROWLARR_API_KEY}`, 'query'],
        ['/api/v1/search?query=x', 'none'],
      ]);
      expect(log[0].at).toBeLessThanOrEqual(log[1].at);
    });
  });

  describe('RSS: a search with no query', () => {
    afterEach(() => prowlarr.resetFeed());

    it('answers each selected indexer’s newest releases first, limit and offset applying per indexer', async () => {
      // Act
      const feed = await search('query=&type=search&indexerIds=2&categories=2000');
      const two = await search('query=&type=search&indexerIds=1&indexerIds=2&limit=2');

      // Assert
      const seededOnTpb = PROWLARR_RELEASES.filter((r) => r.indexerId === 2);
      expect(feed).toHaveLength(seededOnTpb.length);
      expect(feed.every((r) => r.indexerId === 2)).toBe(true);
      const dates = feed.map((r) => Date.parse(r.publishDate));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect(two.map((r) => r.indexerId)).toEqual([1, 1, 2, 2]);
    });

    it('shows a release published on an indexer atop its feed, in searches, via the proxy, until reset', async () => {
      // Arrange
      const control = prowlarrControl(prowlarr.url);

      // Act
      const published = await control.publishRelease({
        indexerId: 3,
        title: 'Oppenheimer.2023.1080p.BluRay.x264-SPARKS',
        imdbId: 'tt15398776',
        tmdbId: 872585,
        year: 2023,
      });
      const [head] = await search('query=&type=search&indexerIds=3');
      const [found] = await search(`type=movie&query=${encodeURIComponent('{ImdbId:tt15398776}')}`);
      const torrent = await fetch(head.downloadUrl);
      const bytes = Buffer.from(await torrent.arrayBuffer());
      const listed = await http(`${prowlarr.url}/_sandbox/prowlarr/feed`);
      await control.resetFeed();
      const after = await search('query=oppenheimer');

      // Assert
      expect(published).toMatchObject({
        indexerId: 3,
        title: 'Oppenheimer.2023.1080p.BluRay.x264-SPARKS',
        guid: expect.stringMatching(/^https:\/\/yts\.mx\/torrent\//),
        infoHash: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(head).toMatchObject({
        guid: published.guid,
        title: published.title,
        imdbId: 15398776,
        tmdbId: 872585,
        indexer: 'YTS',
        seeders: 100,
      });
      expect(found.guid).toBe(published.guid);
      expect(torrent.status).toBe(200);
      expect(await hash(bytes)).toBe(published.infoHash);
      expect((listed.json() as { releases: unknown[] }).releases).toEqual([published]);
      expect(after).toEqual([]);
    });

    it('sends imdbId and tmdbId 0 for a release published without ids, and refuses a bad one', async () => {
      // Arrange
      const publish = (body: unknown) => http(`${prowlarr.url}/_sandbox/prowlarr/feed`, { method: 'POST', body });

      // Act
      const ok = await publish({ indexerId: 1, title: 'Some.Unknown.Film.2023.720p.WEB-DL-GRP', kind: 'magnet' });
      const [head] = await search('query=&indexerIds=1');
      const unknownIndexer = await publish({ indexerId: 42, title: 'x' });
      const noTitle = await publish({ indexerId: 1 });
      const badCategory = await publish({ indexerId: 1, title: 'x', categories: [5000] });

      // Assert
      expect(ok.status).toBe(201);
      expect(head).toMatchObject({
        title: 'Some.Unknown.Film.2023.720p.WEB-DL-GRP',
        imdbId: 0,
        tmdbId: 0,
        magnetUrl: expect.any(String),
      });
      expect([unknownIndexer.status, noTitle.status, badCategory.status]).toEqual([404, 400, 400]);
    });
  });

  describe('GET /{id}/download', () => {
    const release = async (title: string) =>
      (await search(`query=${encodeURIComponent(title)}`)).find((r) => r.title === title)!;
    const pathOf = (url: string) => url.slice(prowlarr.url.length);

    it('redirects a magnet release with 301 to a magnet named after the title', async () => {
      // Arrange
      const inception = await release('Inception.2010.720p.BluRay.x264-REFiNED');

      // Act
      const res = await get(pathOf(inception.magnetUrl), {});

      // Assert
      expect(res.status).toBe(301);
      const magnet = new URL(res.headers.location!);
      expect(magnet.protocol).toBe('magnet:');
      expect(magnet.searchParams.get('xt')).toBe(`urn:btih:${inception.infoHash}`);
      expect(magnet.searchParams.get('dn')).toBe(inception.title);
      expect(magnet.searchParams.get('tr')).toMatch(/^udp:\/\//);
    });

    it('serves a .torrent whose info hash is the advertised one, also on the /api/v1/indexer alias', async () => {
      // Arrange
      const dune = await release('Dune.2021.1080p.BluRay.x264-ROVERS');
      const aliasPath = pathOf(dune.downloadUrl).replace(/^\/1\//, '/api/v1/indexer/1/');

      // Act
      const direct = await fetch(dune.downloadUrl);
      const bytes = Buffer.from(await direct.arrayBuffer());
      const alias = await fetch(`${prowlarr.url}${aliasPath}`);

      // Assert
      expect(direct.status).toBe(200);
      expect(direct.headers.get('content-type')).toBe('application/x-bittorrent');
      expect(await hash(bytes)).toBe(dune.infoHash);
      expect(
        createHash('sha1')
          .update(Buffer.from(await alias.arrayBuffer()))
          .digest('hex'),
      ).toBe(createHash('sha1').update(bytes).digest('hex'));
    });

    it('answers an unknown link with an XML error', async () => {
      // Act
      const res = await get(`/1/download?link=bm9wZQ&file=x`);

      // Assert
      expect(res.status).toBe(410);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.text).toMatch(/<error code="410" description="[^"]+" \/>/);
    });

    it('refuses a download without the key', async () => {
      // Arrange
      const inception = await release('Inception.2010.720p.BluRay.x264-REFiNED');

      // Act
      const res = await get(pathOf(inception.magnetUrl).replace(/apikey=[^&]+&/, ''), {});

      // Assert
      expect(res.status).toBe(401);
    });
  });

  describe('indexers', () => {
    it('lists five public torrent indexers with their priorities', async () => {
      // Act
      const res = await get('/api/v1/indexer');

      // Assert
      const indexers = res.json<Release[]>();
      expect(indexers.map((i) => [i.id, i.priority, i.protocol, i.privacy, i.enable])).toEqual([
        [1, 25, 'torrent', 'public', true],
        [2, 25, 'torrent', 'public', true],
        [3, 10, 'torrent', 'public', true],
        [4, 40, 'torrent', 'public', true],
        [5, 25, 'torrent', 'public', true],
      ]);
      expect(indexers[0].capabilities.movieSearchParams).toContain('imdbId');
    });

    it('answers one indexer, with a status once it fails, and 404 for an unknown one', async () => {
      // Arrange
      prowlarr.setIndexerBehaviour(2, { failing: true });

      // Act
      const healthy = (await get('/api/v1/indexer/1')).json();
      const failing = (await get('/api/v1/indexer/2')).json();
      const missing = await get('/api/v1/indexer/99');

      // Assert
      expect(healthy).not.toHaveProperty('status');
      expect(failing.status).toMatchObject({ indexerId: 2 });
      expect(missing.status).toBe(404);
    });

    it('tests an indexer: 200 when it answers, 400 with a bare array when it fails or is incomplete', async () => {
      // Arrange
      const indexer = (await get('/api/v1/indexer/4')).json();
      const post = (body: unknown) =>
        http(`${prowlarr.url}/api/v1/indexer/test`, { method: 'POST', headers: KEY, body });

      // Act
      const ok = await post(indexer);
      prowlarr.setIndexerBehaviour(4, { failing: true });
      const failing = await post(indexer);
      const incomplete = await post({ ...indexer, name: '', implementation: undefined });

      // Assert
      expect(ok.status).toBe(200);
      expect(failing.status).toBe(400);
      expect(failing.json()).toEqual([
        expect.objectContaining({ propertyName: '', severity: 'error', isWarning: false }),
      ]);
      expect(incomplete.status).toBe(400);
      expect(incomplete.json().map((f: Release) => [f.propertyName, f.errorCode, f.severity])).toEqual([
        ['Name', 'NotEmptyValidator', 'error'],
        ['Implementation', 'NotEmptyValidator', 'error'],
      ]);
    });

    it('counts each indexer’s queries in indexerstats, and reports failures in indexerstatus and health', async () => {
      // Arrange
      prowlarr.setIndexerBehaviour(5, { failing: true });
      const before = (await get('/api/v1/indexerstats')).json();

      // Act
      await search('query=arrival&indexerIds=1&indexerIds=5');
      await search('query=arrival&indexerIds=1');
      const after = (await get('/api/v1/indexerstats')).json();
      const status = (await get('/api/v1/indexerstatus')).json();
      const health = (await get('/api/v1/health')).json();

      // Assert
      const delta = (id: number, field: string) =>
        after.indexers.find((s: Release) => s.indexerId === id)[field] -
        before.indexers.find((s: Release) => s.indexerId === id)[field];
      expect([
        delta(1, 'numberOfQueries'),
        delta(5, 'numberOfQueries'),
        delta(5, 'numberOfFailedQueries'),
        delta(3, 'numberOfQueries'),
      ]).toEqual([2, 1, 1, 0]);
      expect(after).toMatchObject({ userAgents: [], hosts: [] });
      expect(status.map((s: Release) => s.indexerId)).toEqual([5]);
      expect(health).toEqual([
        expect.objectContaining({ type: 'warning', message: expect.stringContaining('TorrentGalaxy') }),
      ]);
    });
  });

  describe('controls', () => {
    it('validates a behaviour change and resets every indexer', async () => {
      // Arrange
      const control = prowlarrControl(prowlarr.url);

      // Act
      const set = await control.setIndexer(3, { latencyMs: 20, failing: true });
      const bad = await http(`${prowlarr.url}/_sandbox/prowlarr/indexers/3`, {
        method: 'PUT',
        body: { latencyMs: -1 },
      });
      const unknown = await http(`${prowlarr.url}/_sandbox/prowlarr/indexers/42`, { method: 'PUT', body: {} });
      await control.resetIndexers();

      // Assert
      expect(set).toEqual({ latencyMs: 20, failing: true });
      expect(bad.status).toBe(400);
      expect(unknown.status).toBe(404);
      expect((await get('/api/v1/search?query=dune&indexerIds=3')).status).toBe(200);
    });
  });
});
