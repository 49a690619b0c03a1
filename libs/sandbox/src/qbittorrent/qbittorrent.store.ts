import type { QbittorrentStore } from './qbittorrent.types';

/** Hand the same store to a second emulator on the same port to simulate a qBittorrent restart. */
export function createQbittorrentStore(): QbittorrentStore {
  return { torrents: new Map(), categories: new Map(), tags: new Set() };
}
