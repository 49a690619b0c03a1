import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../kernel/emulator-server';
import type { RunningEmulator } from '../kernel/emulator.types';
import { appRoutes } from './qbittorrent.app';
import { authRoutes } from './qbittorrent.auth';
import { categoryRoutes } from './qbittorrent.categories';
import {
  DEFAULT_BAN_MS,
  DEFAULT_DOWNLOAD_MS,
  DEFAULT_MAX_AUTH_FAIL_COUNT,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  DEFAULT_VERSION,
  QBITTORRENT_VERSIONS,
  type QbittorrentVersion,
} from './qbittorrent.constants';
import { controlRoutes, qbittorrentControls, type QbittorrentControls } from './qbittorrent.control';
import { DiskTicker } from './qbittorrent.disk';
import type { QbtRuntime } from './qbittorrent.runtime';
import { LoginBans, SessionTable } from './qbittorrent.sessions';
import { createQbittorrentStore } from './qbittorrent.store';
import { torrentRoutes } from './qbittorrent.torrents';
import type { QbittorrentStore } from './qbittorrent.types';
import { readEmulatorEnv } from '../sandbox.config';

export interface QbittorrentEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** Default `QBITTORRENT_EMULATOR_VERSION`, then 4.5.2 (Debian 12). */
  version?: QbittorrentVersion;
  /** Default `QBITTORRENT_USERNAME`, then `admin`. */
  username?: string;
  /** Default `QBITTORRENT_PASSWORD`, then `adminadmin`. */
  password?: string;
  /** The default save path. Default `<os tmpdir>/keel-qbittorrent/downloads`, created at start. */
  downloadRoot?: string;
  /** How long a running torrent takes to finish. Default 5000. */
  downloadMs?: number;
  /** Give magnets and single-file torrents a `Sample/<name>-sample.mkv`. Default true. */
  withSample?: boolean;
  /** `WebUI\MaxAuthenticationFailCount`: failed logins before an IP is banned; 0 disables. Default 5. */
  maxAuthFailCount?: number;
  /** `WebUI\BanDuration` in ms. Default 3 600 000. */
  banMs?: number;
  /** Pass the store of a closed emulator to simulate a restart: torrents survive, sessions do not. */
  store?: QbittorrentStore;
}

export interface RunningQbittorrentEmulator extends RunningEmulator, QbittorrentControls {
  readonly version: QbittorrentVersion;
  readonly store: QbittorrentStore;
  readonly downloadRoot: string;
}

/** qBittorrent WebUI API v2 emulator (media-acquisition-notes §2) that "downloads" small files to disk. */
export async function startQbittorrentEmulator(
  options: QbittorrentEmulatorOptions = {},
): Promise<RunningQbittorrentEmulator> {
  const runtime = buildRuntime(options);
  mkdirSync(runtime.downloadRoot, { recursive: true });
  const controls = qbittorrentControls(runtime);
  const base = await startEmulator({
    name: 'qbittorrent',
    port: options.port ?? 0,
    host: options.host,
    routes: [
      ...authRoutes(runtime),
      ...appRoutes(runtime),
      ...torrentRoutes(runtime),
      ...categoryRoutes(runtime),
      ...controlRoutes(controls),
    ],
  });
  // ~20 growth steps per download, bounded so short test downloads still tick and long ones stay cheap.
  const ticker = new DiskTicker(
    runtime.store,
    runtime.version,
    Math.min(500, Math.max(25, Math.floor(runtime.downloadMs / 20))),
  );
  return {
    ...base,
    ...controls,
    version: runtime.version,
    store: runtime.store,
    downloadRoot: runtime.downloadRoot,
    close: async () => {
      ticker.stop();
      await base.close();
    },
  };
}

function buildRuntime(options: QbittorrentEmulatorOptions): QbtRuntime {
  const env = readEmulatorEnv();
  return {
    version: options.version ?? versionFromEnv(env.qbittorrentVersion),
    username: options.username ?? env.qbittorrentUsername ?? DEFAULT_USERNAME,
    password: options.password ?? env.qbittorrentPassword ?? DEFAULT_PASSWORD,
    downloadRoot: options.downloadRoot ?? join(tmpdir(), 'keel-qbittorrent', 'downloads'),
    downloadMs: Math.max(0, options.downloadMs ?? DEFAULT_DOWNLOAD_MS),
    withSample: options.withSample ?? true,
    store: options.store ?? createQbittorrentStore(),
    sessions: new SessionTable(),
    bans: new LoginBans(options.maxAuthFailCount ?? DEFAULT_MAX_AUTH_FAIL_COUNT, options.banMs ?? DEFAULT_BAN_MS),
  };
}

function versionFromEnv(fromEnv: string | undefined): QbittorrentVersion {
  if (fromEnv === undefined || fromEnv === '') return DEFAULT_VERSION;
  if (!(QBITTORRENT_VERSIONS as readonly string[]).includes(fromEnv)) {
    throw new Error(`QBITTORRENT_EMULATOR_VERSION must be one of ${QBITTORRENT_VERSIONS.join(', ')}; got '${fromEnv}'`);
  }
  return fromEnv as QbittorrentVersion;
}
