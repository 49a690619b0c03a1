/** qBittorrent releases the emulator can pretend to be (media-acquisition-notes §2.1). */
export const QBITTORRENT_VERSIONS = ['4.5.2', '5.0.0', '5.2.0'] as const;
export type QbittorrentVersion = (typeof QBITTORRENT_VERSIONS)[number];

/** `app/webapiVersion` of each release (`src/webui/webapplication.h` `API_VERSION`). */
export const WEBAPI_VERSIONS: Readonly<Record<QbittorrentVersion, string>> = Object.freeze({
  '4.5.2': '2.8.19',
  '5.0.0': '2.11.2',
  '5.2.0': '2.15.1',
});

export const DEFAULT_VERSION: QbittorrentVersion = '4.5.2';
export const DEFAULT_USERNAME = 'admin';
/** The ≤4.6.0 default; later releases print a temporary password instead. */
export const DEFAULT_PASSWORD = 'adminadmin';
export const DEFAULT_DOWNLOAD_MS = 5_000;
export const DEFAULT_MAX_AUTH_FAIL_COUNT = 5;
export const DEFAULT_BAN_MS = 3_600_000;

/** qBittorrent's "infinite" ETA. */
export const ETA_INFINITE = 8_640_000;
/** Files on disk stop growing here; `size` still reports the catalogue size. */
export const MAX_DISK_BYTES = 2 * 1024 * 1024;
export const SAMPLE_BYTES = 64 * 1024;
/** Magnets rarely carry `xl`; this stands in for a 1080p release. */
export const DEFAULT_MAGNET_SIZE = 1_500_000_000;
/** Share of the download time a magnet spends in `metaDL` before its files are known. */
export const METADATA_SHARE = 0.1;
export const PIECE_SIZE = 4 * 1024 * 1024;
/** `.torrent` uploads can exceed the kernel's 64 KiB default body limit. */
export const ADD_BODY_LIMIT = 16 * 1024 * 1024;

export const TEXT = Object.freeze({
  ok: 'Ok.',
  fails: 'Fails.',
  forbidden: 'Forbidden',
  unauthorized: 'Unauthorized',
  notFound: 'Not Found',
  badRequest: 'Bad Request',
  methodNotAllowed: 'Method Not Allowed',
  banned: 'Your IP address has been banned after too many failed authentication attempts.',
});

/** True from WebAPI 2.11.0 (qBittorrent 5.0): stop/start, `stopped`, `stoppedDL`/`stoppedUP`. */
export function usesStopWording(version: QbittorrentVersion): boolean {
  return version !== '4.5.2';
}
