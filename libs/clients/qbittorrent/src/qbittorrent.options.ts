import { InvalidServiceConfigError, parseDuration } from '@keel/clients-core';
import type { FactoryProvider } from '@nestjs/common';
import {
  QBITTORRENT_DEFAULT_PASSWORD,
  QBITTORRENT_DEFAULT_SESSION_MAX_AGE_MS,
  QBITTORRENT_DEFAULT_USERNAME,
  QBITTORRENT_OPTIONS,
} from './qbittorrent.constants';

export interface QbittorrentOptions {
  username: string;
  password: string;
  /** Log in again before a call once the session is this old. */
  sessionMaxAgeMs: number;
  /** Whether qBittorrent has DHT on; decides whether `metaDL` is Queued or a Warning (as in Radarr). */
  dhtEnabled: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Reads `QBITTORRENT_USERNAME`, `QBITTORRENT_PASSWORD`, `QBITTORRENT_SESSION_MAX_AGE` (a duration)
 * and `QBITTORRENT_DHT_ENABLED`; unset ones take the sandbox's defaults. A malformed one stops
 * start-up with its name (never its value, for the password's sake).
 */
export function readQbittorrentOptions(env: Env = process.env): QbittorrentOptions {
  const maxAge = env['QBITTORRENT_SESSION_MAX_AGE']?.trim();
  const sessionMaxAgeMs = maxAge ? parseDuration(maxAge) : QBITTORRENT_DEFAULT_SESSION_MAX_AGE_MS;
  if (sessionMaxAgeMs === undefined)
    throw new InvalidServiceConfigError('QBITTORRENT_SESSION_MAX_AGE', maxAge ?? '', 'a duration like 30m');
  const dht = env['QBITTORRENT_DHT_ENABLED']?.trim().toLowerCase();
  if (dht && !['true', 'false'].includes(dht))
    throw new InvalidServiceConfigError('QBITTORRENT_DHT_ENABLED', dht, 'true or false');
  return {
    username: env['QBITTORRENT_USERNAME'] ?? QBITTORRENT_DEFAULT_USERNAME,
    password: env['QBITTORRENT_PASSWORD'] ?? QBITTORRENT_DEFAULT_PASSWORD,
    sessionMaxAgeMs,
    dhtEnabled: dht !== 'false',
  };
}

/** Reads the options once, when the module starts. */
export const qbittorrentOptionsProvider: FactoryProvider<QbittorrentOptions> = {
  provide: QBITTORRENT_OPTIONS,
  useFactory: () => readQbittorrentOptions(),
};
