import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolateDatabaseUrl } from '@keel/persistence/testing';
import { callJson, signTestToken, startTestService } from '@keel/platform/testing';
import type { Answer, TestService } from '@keel/platform/testing';
import {
  createQbittorrentStore,
  prowlarrControl,
  sandboxControl,
  startProwlarrEmulator,
  startQbittorrentEmulator,
  startTmdbEmulator,
} from '@keel/sandbox';
import type {
  ProwlarrControl,
  QbittorrentStore,
  RunningProwlarrEmulator,
  RunningQbittorrentEmulator,
  RunningEmulator,
  SandboxControl,
} from '@keel/sandbox';
import { AppModule } from '../src/app/app.module';

export interface MediaTestBed {
  service: TestService;
  prowlarr: RunningProwlarrEmulator;
  qbittorrent: RunningQbittorrentEmulator;
  prowlarrFaults: SandboxControl;
  /** TMDB, asked when a movie is added without title or year. */
  tmdb: RunningEmulator;
  tmdbFaults: SandboxControl;
  indexers: ProwlarrControl;
  /** Holds qBittorrent's downloads and the movie library: one filesystem, so imports are hardlinks. */
  root: string;
  libraryRoot: string;
  /** The bearer token `call` sends. */
  token: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>>;
  /** Stops the service and starts a new one on the same database, as a deploy or a crash would. */
  restartService(): Promise<void>;
  /** Stops qBittorrent and starts it again on the same port with the same torrents; sessions are lost. */
  restartQbittorrent(between?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real media-acquisition service on 127.0.0.1:0, against the Prowlarr, qBittorrent and TMDB emulators.
 * Storage: Postgres in a schema of its own when DATABASE_URL is set (CI), else PGlite in a temporary
 * folder, so a restarted service finds its data.
 */
export async function startMediaTestBed(env: Record<string, string> = {}): Promise<MediaTestBed> {
  const root = mkdtempSync(join(tmpdir(), 'keel-media-e2e-'));
  const libraryRoot = join(root, 'library');
  mkdirSync(libraryRoot, { recursive: true });
  const store: QbittorrentStore = createQbittorrentStore();
  const startQbt = (port = 0) =>
    startQbittorrentEmulator({
      port,
      downloadRoot: join(root, 'downloads'),
      downloadMs: Number(env.QBT_DOWNLOAD_MS ?? 1_500),
      store,
    });
  let qbittorrent = await startQbt();
  const prowlarr = await startProwlarrEmulator({ port: 0 });
  const tmdb = await startTmdbEmulator({ port: 0 });
  const database = isolateDatabaseUrl();
  Object.assign(process.env, {
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    MEDIA_DATA_DIR: join(root, 'pglite'),
    PROWLARR_SERVICE_URL: prowlarr.url,
    PROWLARR_SERVICE_RETRY_DELAY: '5ms',
    PROWLARR_SERVICE_TIMEOUT: '2s',
    PROWLARR_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    QBITTORRENT_SERVICE_URL: qbittorrent.url,
    QBITTORRENT_SERVICE_RETRY_DELAY: '5ms',
    QBITTORRENT_SERVICE_TIMEOUT: '2s',
    QBITTORRENT_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '500ms',
    TMDB_SERVICE_URL: tmdb.url,
    TMDB_SERVICE_RETRY_DELAY: '5ms',
    TMDB_SERVICE_TIMEOUT: '2s',
    TMDB_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '500ms',
    MEDIA_LIBRARY_ROOT: libraryRoot,
    MEDIA_MONITOR_INTERVAL: '200ms',
    // Suites search and grab by hand; the one that tests search on add turns it on.
    MEDIA_SEARCH_ON_ADD: 'false',
    MEDIA_MISSING_SEARCH_INTERVAL: '0',
    // RSS sync runs when a suite asks (a command), not by itself.
    MEDIA_RSS_SYNC_INTERVAL: '0',
    MEDIA_RSS_SYNC_PAUSE: '10ms',
    MEDIA_INDEXER_TIMEOUT: '1500ms',
    ...env,
  });
  let service = await startTestService(AppModule, { name: 'media-acquisition' });
  // Writes need a write role (MEDIA_WRITE_ROLES); the bed's caller may do everything.
  const token = await signTestToken({ sub: 'u1', roles: ['media:write'] });
  const bed: MediaTestBed = {
    get service() {
      return service;
    },
    prowlarr,
    get qbittorrent() {
      return qbittorrent;
    },
    prowlarrFaults: sandboxControl(prowlarr.url),
    tmdb,
    tmdbFaults: sandboxControl(tmdb.url),
    indexers: prowlarrControl(prowlarr.url),
    root,
    libraryRoot,
    token,
    call: (method, path, body) => callJson(service.url, method, path, { token, body }),
    restartService: async () => {
      await service.close();
      service = await startTestService(AppModule, { name: 'media-acquisition' });
    },
    restartQbittorrent: async (between) => {
      const port = Number(new URL(qbittorrent.url).port);
      await qbittorrent.close();
      await between?.();
      qbittorrent = await startQbt(port);
    },
    close: async () => {
      await service.close();
      await Promise.all([prowlarr.close(), qbittorrent.close(), tmdb.close()]);
      await database.release();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return bed;
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` (a bound, not a timing claim). */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'the condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
