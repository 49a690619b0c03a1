import { hash } from '@ctrl/torrent-file';
import type { LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import {
  DownstreamCircuitOpenError,
  DownstreamContractError,
  DownstreamRateLimitedError,
  DownstreamUnavailableError,
  getDownstreamHealthToken,
} from '@keel/clients-core';
import type { DownstreamHealth } from '@keel/clients-core';
import { ResilienceModule } from '@keel/resilience';
import { maxInWindow, prowlarrControl, sandboxControl, startProwlarrEmulator } from '@keel/sandbox';
import type { ProwlarrControl, RunningProwlarrEmulator, SandboxControl } from '@keel/sandbox';
import { ProwlarrIndexersUnavailableError } from './errors/prowlarr-indexers-unavailable.error';
import { ProwlarrReleaseGoneError } from './errors/prowlarr-release-gone.error';
import { ProwlarrClientModule } from './prowlarr-client.module';
import { ProwlarrClient } from './prowlarr.client';
import { PROWLARR } from './prowlarr.constants';

const MATRIX = { query: 'The Matrix', imdbId: 'tt0133093', categories: [2000] };

/**
 * The real client, policies and transport against the real Prowlarr emulator on 127.0.0.1, with
 * faults and indexer behaviour set over the emulator's HTTP controls (never stubs).
 */
describe(ProwlarrClient.name, () => {
  const API_KEY = 'integration-prowlarr-key';
  let emulator: RunningProwlarrEmulator;
  let faults: SandboxControl;
  let prowlarr: ProwlarrControl;
  let moduleRef: TestingModule;
  let client: ProwlarrClient;
  const ENV_KEYS = [
    'PROWLARR_API_KEY',
    'PROWLARR_SERVICE_URL',
    'PROWLARR_SERVICE_RATE_LIMIT',
    'PROWLARR_SERVICE_MAX_RETRIES',
    'PROWLARR_SERVICE_RETRY_DELAY',
    'PROWLARR_SERVICE_TIMEOUT',
  ];
  const saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

  async function boot(env: Record<string, string> = {}, logger?: LoggerService) {
    Object.assign(process.env, {
      PROWLARR_API_KEY: API_KEY,
      PROWLARR_SERVICE_URL: emulator.url,
      PROWLARR_SERVICE_RETRY_DELAY: '5ms',
      PROWLARR_SERVICE_TIMEOUT: '3s',
      ...env,
    });
    const builder = Test.createTestingModule({ imports: [ResilienceModule.forRoot({}), ProwlarrClientModule] });
    moduleRef = await (logger ? builder.setLogger(logger) : builder).compile();
    await moduleRef.init();
    client = moduleRef.get(ProwlarrClient);
  }

  beforeAll(async () => {
    emulator = await startProwlarrEmulator({ port: 0, apiKey: API_KEY });
    faults = sandboxControl(emulator.url);
    prowlarr = prowlarrControl(emulator.url);
  });

  beforeEach(async () => {
    await faults.heal();
    await faults.resetStats();
    await prowlarr.resetIndexers();
    await prowlarr.resetSearchLog();
    await prowlarr.resetOmittedFields();
  });

  afterEach(async () => {
    await moduleRef?.close();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  afterAll(async () => {
    await emulator.close();
  });

  describe('search', () => {
    it('finds typed releases by IMDb token, sending arrays as repeated keys and the key only as a header', async () => {
      // Arrange
      await boot();

      // Act
      const releases = await client.search({ ...MATRIX, indexerIds: [1, 2, 5] });
      const [arrival] = await prowlarr.searchLog();

      // Assert
      expect(releases.length).toBeGreaterThanOrEqual(5);
      expect(new Set(releases.map((r) => r.indexerId))).toEqual(new Set([1, 2, 5]));
      expect(releases.every((r) => r.imdbId === 'tt0133093' && r.tmdbId === 603 && r.protocol === 'torrent')).toBe(
        true,
      );
      const bluray = releases.find((r) => r.title === 'The.Matrix.1999.1080p.BluRay.x264-AMIABLE')!;
      expect(bluray).toMatchObject({
        indexer: '1337x',
        indexerFlags: ['scene'],
        categories: [2000, 2040],
        infoHash: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(bluray.seeders).toBeGreaterThan(0);
      expect(bluray.magnetUrl).toBeUndefined();
      const query = new URLSearchParams(arrival.url.split('?')[1]);
      expect(query.getAll('indexerIds')).toEqual(['1', '2', '5']);
      expect(query.getAll('categories')).toEqual(['2000']);
      expect(query.get('query')).toBe('{ImdbId:tt0133093} The Matrix');
      expect(query.get('type')).toBe('movie');
      expect(arrival.apiKeyVia).toBe('header');
      expect(arrival.url).not.toContain(API_KEY);
    });

    it('never writes the API key to a log line, even when calls fail', async () => {
      // Arrange
      const written: string[] = [];
      const capture = (...args: unknown[]) => void written.push(JSON.stringify(args));
      const logger: LoggerService = {
        log: capture,
        error: capture,
        warn: capture,
        debug: capture,
        verbose: capture,
        fatal: capture,
      };

      // Act
      await boot({ PROWLARR_SERVICE_MAX_RETRIES: '1' }, logger);
      await client.search(MATRIX);
      await client.search({ ...MATRIX, indexerIds: [42] }).catch(() => undefined);
      await faults.inject({ mode: 'error', status: 503, path: '/api/v1/search' });
      await client.search(MATRIX).catch(() => undefined);

      // Assert
      expect(written.join('\n')).toContain('downstream configured');
      expect(written.join('\n')).not.toContain(API_KEY);
    });

    it('drops a failing indexer silently, and throws ProwlarrIndexersUnavailableError when all are down', async () => {
      // Arrange
      await boot();
      await prowlarr.setIndexer(1, { failing: true });

      // Act
      const partial = await client.search({ ...MATRIX, indexerIds: [1, 2] });
      const none = await client.search({ ...MATRIX, indexerIds: [1] }).catch((e: unknown) => e);

      // Assert
      expect(new Set(partial.map((r) => r.indexerId))).toEqual(new Set([2]));
      expect(none).toBeInstanceOf(ProwlarrIndexersUnavailableError);
      expect((none as ProwlarrIndexersUnavailableError).message).toBe(
        'Search failed due to all selected indexers being unavailable',
      );
      expect(moduleRef.get(ProwlarrClient)).toBe(client);
    });

    it('turns a mis-shaped body into DownstreamContractError', async () => {
      // Arrange
      await boot();
      await faults.inject({ mode: 'malformed', path: '/api/v1/search' });

      // Act
      const error = await client.search(MATRIX).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
    });
  });

  describe('recentReleases', () => {
    afterEach(() => prowlarr.resetFeed());

    it('reads an indexer’s feed (empty type=search query), newest first, with a release published on it', async () => {
      // Arrange
      await boot();
      const published = await prowlarr.publishRelease({
        indexerId: 2,
        title: 'Oppenheimer.2023.1080p.WEB-DL.DDP5.1.H.264-FLUX',
        kind: 'magnet',
      });

      // Act
      const releases = await client.recentReleases({ indexerId: 2, categories: [2000], limit: 50 });
      const [arrival] = await prowlarr.searchLog();

      // Assert
      expect(releases[0]).toMatchObject({
        guid: published.guid,
        title: published.title,
        indexerId: 2,
        imdbId: undefined,
        tmdbId: undefined,
      });
      expect(releases.length).toBeGreaterThan(5);
      expect(releases.every((r) => r.indexerId === 2)).toBe(true);
      const query = new URLSearchParams(arrival.url.split('?')[1]);
      expect([...query.entries()]).toEqual([
        ['query', ''],
        ['type', 'search'],
        ['indexerIds', '2'],
        ['categories', '2000'],
        ['limit', '50'],
      ]);
      expect(arrival.apiKeyVia).toBe('header');
    });

    it('throws ProwlarrIndexersUnavailableError when the indexer is down', async () => {
      // Arrange
      await boot();
      await prowlarr.setIndexer(4, { failing: true });

      // Act
      const error = await client.recentReleases({ indexerId: 4, categories: [2000] }).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(ProwlarrIndexersUnavailableError);
    });
  });

  describe('version skew', () => {
    it('reads indexers and releases that lack optional fields, with defaults', async () => {
      // Arrange
      await boot();
      await prowlarr.omitFields({
        indexer: ['supportsSearch', 'supportsRss', 'priority', 'enable'],
        release: ['indexerFlags', 'size', 'categories', 'publishDate'],
      });

      // Act
      const indexers = await client.listIndexers();
      const releases = await client.search(MATRIX);

      // Assert
      expect(indexers.length).toBeGreaterThan(0);
      expect(
        indexers.every(
          (indexer) => indexer.supportsSearch && indexer.supportsRss && indexer.enable && indexer.priority === 25,
        ),
      ).toBe(true);
      expect(releases.length).toBeGreaterThan(0);
      expect(
        releases.every(
          (release) => release.size === 0 && release.indexerFlags.length === 0 && release.publishDate === undefined,
        ),
      ).toBe(true);
    });
  });

  describe('indexers', () => {
    it('lists typed indexers with their priorities', async () => {
      // Arrange
      await boot();

      // Act
      const indexers = await client.listIndexers();

      // Assert
      expect(indexers.map((i) => [i.id, i.priority])).toEqual([
        [1, 25],
        [2, 25],
        [3, 10],
        [4, 40],
        [5, 25],
      ]);
      expect(indexers.find((i) => i.name === 'YTS')).toMatchObject({
        enable: true,
        protocol: 'torrent',
        privacy: 'public',
        supportsSearch: true,
      });
    });
  });

  describe('resolveDownload', () => {
    it('follows the proxy’s 301 to a magnet named after the release', async () => {
      // Arrange
      await boot();
      const [release] = (
        await client.search({ query: '', imdbId: 'tt1375666', categories: [2000], indexerIds: [2] })
      ).filter((r) => r.title === 'Inception.2010.720p.BluRay.x264-REFiNED');

      // Act
      const download = await client.resolveDownload(release);

      // Assert
      expect(download.kind).toBe('magnet');
      const magnet = new URL((download as { uri: string }).uri);
      expect(magnet.searchParams.get('xt')).toBe(`urn:btih:${release.infoHash}`);
      expect(magnet.searchParams.get('dn')).toBe(release.title);
      const grab = (await faults.stats()).byPath['/2/download'];
      expect(grab).toBe(1);
    });

    it('returns .torrent bytes whose info hash is the one the search advertised', async () => {
      // Arrange
      await boot();
      const release = (await client.search({ query: '', tmdbId: 438631, categories: [2040] })).find(
        (r) => r.title === 'Dune.2021.1080p.BluRay.x264-ROVERS',
      )!;

      // Act
      const download = await client.resolveDownload(release);

      // Assert
      expect(download.kind).toBe('torrent');
      expect(await hash((download as { bytes: Buffer }).bytes)).toBe(release.infoHash);
    });

    it('returns a magnet link as it is, without a call', async () => {
      // Arrange
      await boot();
      const uri = 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=x';

      // Act
      const download = await client.resolveDownload({ title: 'x', magnetUrl: uri });

      // Assert
      expect(download).toEqual({ kind: 'magnet', uri });
      expect(
        Object.keys((await faults.stats()).byPath).filter((path) => !path.startsWith('/_sandbox/prowlarr/')),
      ).toEqual([]);
    });

    it('throws ProwlarrReleaseGoneError for an expired link, and refuses links to other hosts', async () => {
      // Arrange
      await boot();

      // Act
      const gone = await client
        .resolveDownload({
          title: 'Old',
          downloadUrl: `${emulator.url}/1/download?apikey=${API_KEY}&link=bm9wZQ&file=Old`,
        })
        .catch((e: unknown) => e);
      const foreign = await client
        .resolveDownload({ title: 'Elsewhere', downloadUrl: 'http://tracker.invalid/1/download?link=x' })
        .catch((e: unknown) => e);

      // Assert
      expect(gone).toBeInstanceOf(ProwlarrReleaseGoneError);
      expect((gone as ProwlarrReleaseGoneError).status).toBe(410);
      expect(foreign).toBeInstanceOf(DownstreamContractError);
      expect((await faults.stats()).byPath['/1/download']).toBe(1);
    });
  });

  describe('resilience', () => {
    it('lets PROWLARR_SERVICE_RATE_LIMIT searches by; the rest wait, then DownstreamRateLimitedError', async () => {
      // Arrange
      await boot({ PROWLARR_SERVICE_RATE_LIMIT: '5/2s' });

      // Act
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => client.search(MATRIX)));
      const log = await prowlarr.searchLog();

      // Assert
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
      expect(rejected).toHaveLength(3);
      expect(rejected.every((o) => o.reason instanceof DownstreamRateLimitedError)).toBe(true);
      expect(log).toHaveLength(5);
      expect(
        maxInWindow(
          log.map((entry) => entry.at),
          2000,
        ),
      ).toBeLessThanOrEqual(5);
    });

    it('opens the circuit after 5 failed calls; later calls never reach Prowlarr', async () => {
      // Arrange
      await boot({ PROWLARR_SERVICE_MAX_RETRIES: '0' });
      await faults.inject({ mode: 'error', status: 500, path: '/api/v1/search' });

      // Act
      for (let i = 0; i < 5; i++)
        await expect(client.search(MATRIX)).rejects.toBeInstanceOf(DownstreamUnavailableError);
      const refused = await Promise.all(
        Array.from({ length: 4 }, () => client.search(MATRIX).catch((e: unknown) => e)),
      );

      // Assert
      // Faulted requests never reach the search handler, so the kernel's counter is the witness here.
      expect((await faults.stats()).byPath['/api/v1/search']).toBe(5);
      expect(refused.every((e) => e instanceof DownstreamCircuitOpenError)).toBe(true);
      // The client's own default half-open delay is a minute, not the platform's 30 s.
      expect((refused[0] as DownstreamCircuitOpenError).retryAfterSeconds).toBeGreaterThan(30);
    });

    it('turns a Prowlarr that drops connections into DownstreamUnavailableError (503)', async () => {
      // Arrange
      await boot({ PROWLARR_SERVICE_MAX_RETRIES: '0' });
      await faults.inject({ mode: 'down', path: '/api/v1' });

      // Act
      const error = await client.listIndexers().catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect((error as DownstreamUnavailableError).httpStatus).toBe(503);
    });

    it('reports health from /ping, which needs no key', async () => {
      // Arrange
      await boot();
      await client.listIndexers();

      // Act
      const health = await moduleRef
        .get<string, DownstreamHealth>(getDownstreamHealthToken(PROWLARR), { strict: false })
        .isHealthy('prowlarr');

      // Assert
      expect(health.prowlarr).toMatchObject({ status: 'up', breaker: 'closed' });
      expect((await faults.stats()).byPath['/ping']).toBeGreaterThanOrEqual(1);
    });
  });
});
