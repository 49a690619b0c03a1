import { InvalidServiceConfigError, downstreamSettingsProvider, parseDuration } from '@keel/clients-core';
import { z } from 'zod';
import {
  QBITTORRENT,
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

/** What `DownstreamConfigModule.forRoot({ qbittorrent: { settings } })` may set in code. */
export const qbittorrentSettingsSchema = z.strictObject({
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  sessionMaxAgeMs: z.number().int().positive().optional(),
  dhtEnabled: z.boolean().optional(),
});

/** Reads the options once, when the module starts: the app's code over env. */
export const qbittorrentOptionsProvider = downstreamSettingsProvider<QbittorrentOptions>({
  provide: QBITTORRENT_OPTIONS,
  name: QBITTORRENT,
  schema: qbittorrentSettingsSchema,
  fromEnv: () => readQbittorrentOptions(),
});
