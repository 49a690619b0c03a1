import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '@keel/platform';
import type { RecycleBinOptions } from '../import/recycle-bin';

export const MEDIA_CONFIG = 'KEEL:MEDIA_CONFIG';

export interface MediaConfig {
  /** qBittorrent category of every grab; the monitor only looks at this category. */
  category: string;
  monitorIntervalMs: number;
  /**
   * How long the monitor's lease (one replica polls qBittorrent at a time) lasts without renewal. It is
   * renewed every third of it, so a SIGKILLed holder is replaced within TTL + TTL/3: with the default
   * (1.5 × the interval), within two poll intervals.
   */
  monitorLeaseTtlMs: number;
  /** Where imported movies go. On the same filesystem as qBittorrent's downloads, imports are hardlinks. */
  libraryRoot: string;
  /** True when MEDIA_LIBRARY_ROOT is unset: the default folder is then created at start. */
  libraryRootIsDefault: boolean;
  /** How long one indexer's search results are reused. */
  searchCacheTtlMs: number;
  /** The longest one indexer may take; slower ones are left out of the search. */
  indexerTimeoutMs: number;
  /** After a failed download: search again and grab the next best release. */
  autoRedownload: boolean;
  /** After a failed download: remove it (and its files) from qBittorrent. */
  removeFailed: boolean;
  /**
   * `MEDIA_MISSING_SEARCH_INTERVAL` (0 = off) and `MEDIA_MISSING_SEARCH_PAUSE`: the scheduled search for wanted movies.
   */
  missingSearchIntervalMs: number;
  missingSearchPauseMs: number;
  /**
   * `MEDIA_RSS_SYNC_INTERVAL` (or the issue's `RSS_SYNC_INTERVAL`; 0 = off) and `MEDIA_RSS_SYNC_PAUSE`:
   * reading every indexer's feed of new releases, one indexer after another with the pause between.
   */
  rssSyncIntervalMs: number;
  rssSyncPauseMs: number;
  /**
   * `MEDIA_SEARCH_ON_ADD`: whether a movie added without `searchOnAdd` is searched and grabbed at once (Radarr's
   * default).
   */
  searchOnAdd: boolean;
  /**
   * `MEDIA_API_KEY`: the key of the Radarr-compatible `/api/v3`; without it, `/api/v3` refuses everyone. Never logged.
   */
  apiKey: string | undefined;
  /** `MEDIA_RECYCLE_BIN` and `MEDIA_RECYCLE_BIN_CLEANUP_DAYS`: where replaced and deleted movie files go. */
  recycleBin: RecycleBinOptions;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^\d{1,6}$/.test(value.trim())) throw new Error(`${name} must be a whole number of days; got "${value}"`);
  return Number(value.trim());
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  if (/^(true|1)$/i.test(value)) return true;
  if (/^(false|0)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false; got "${value}"`);
}

/** Reads `MEDIA_*` once at start-up; a bad value stops the start with the variable's name. */
export function readMediaConfig(env: NodeJS.ProcessEnv = process.env): MediaConfig {
  const category = env.MEDIA_QBITTORRENT_CATEGORY?.trim() || 'keel-movies';
  if (!/^[\w .-]{1,64}$/.test(category))
    throw new Error(
      `MEDIA_QBITTORRENT_CATEGORY must be 1–64 letters, digits, spaces, dots, dashes or underscores; got "${category}"`,
    );
  const monitorIntervalMs = parseDuration('MEDIA_MONITOR_INTERVAL', env.MEDIA_MONITOR_INTERVAL, 10_000);
  const monitorLeaseTtlMs = parseDuration(
    'MEDIA_MONITOR_LEASE_TTL',
    env.MEDIA_MONITOR_LEASE_TTL,
    Math.round(1.5 * monitorIntervalMs),
  );
  // Renewed every third of it: shorter, and one slow database round trip would cost the lease.
  // The issue that asked for RSS sync named it RSS_SYNC_INTERVAL; the MEDIA_ name wins when both are set.
  const rssIntervalName = env.MEDIA_RSS_SYNC_INTERVAL?.trim() ? 'MEDIA_RSS_SYNC_INTERVAL' : 'RSS_SYNC_INTERVAL';
  if (monitorLeaseTtlMs < 30)
    throw new Error(`MEDIA_MONITOR_LEASE_TTL must be at least 30ms; got "${env.MEDIA_MONITOR_LEASE_TTL}"`);
  return {
    category,
    monitorIntervalMs,
    monitorLeaseTtlMs,
    libraryRoot: env.MEDIA_LIBRARY_ROOT?.trim() || join(tmpdir(), 'keel-media', 'library'),
    libraryRootIsDefault: !env.MEDIA_LIBRARY_ROOT?.trim(),
    searchCacheTtlMs: parseDuration('MEDIA_SEARCH_CACHE_TTL', env.MEDIA_SEARCH_CACHE_TTL, 120_000),
    indexerTimeoutMs: parseDuration('MEDIA_INDEXER_TIMEOUT', env.MEDIA_INDEXER_TIMEOUT, 8_000),
    autoRedownload: flag('MEDIA_AUTO_REDOWNLOAD', env.MEDIA_AUTO_REDOWNLOAD, true),
    removeFailed: flag('MEDIA_REMOVE_FAILED_DOWNLOADS', env.MEDIA_REMOVE_FAILED_DOWNLOADS, true),
    missingSearchIntervalMs: parseDuration(
      'MEDIA_MISSING_SEARCH_INTERVAL',
      env.MEDIA_MISSING_SEARCH_INTERVAL,
      6 * 3_600_000,
    ),
    missingSearchPauseMs: parseDuration('MEDIA_MISSING_SEARCH_PAUSE', env.MEDIA_MISSING_SEARCH_PAUSE, 10_000),
    rssSyncIntervalMs: parseDuration(rssIntervalName, env[rssIntervalName], 15 * 60_000),
    rssSyncPauseMs: parseDuration('MEDIA_RSS_SYNC_PAUSE', env.MEDIA_RSS_SYNC_PAUSE, 1_000),
    searchOnAdd: flag('MEDIA_SEARCH_ON_ADD', env.MEDIA_SEARCH_ON_ADD, true),
    apiKey: apiKeyOf(env.MEDIA_API_KEY),
    recycleBin: {
      path: env.MEDIA_RECYCLE_BIN?.trim() || undefined,
      retentionDays: wholeNumber('MEDIA_RECYCLE_BIN_CLEANUP_DAYS', env.MEDIA_RECYCLE_BIN_CLEANUP_DAYS, 7),
    },
  };
}

/** A key shorter than 16 characters is a mistake waiting to be guessed: refuse to start with it. */
function apiKeyOf(value: string | undefined): string | undefined {
  const key = value?.trim();
  if (!key) return undefined;
  if (key.length < 16)
    throw new Error('MEDIA_API_KEY must be at least 16 characters (Radarr generates 32 hex characters)');
  return key;
}
