import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { QbittorrentVersion } from './qbittorrent.constants';
import { snapshot } from './qbittorrent.progress';
import type { QbittorrentStore, QbtTorrent } from './qbittorrent.types';

/** Zeros are enough: importers look at names and sizes, never at the bytes. */
const CHUNK = Buffer.alloc(64 * 1024);

/**
 * Makes the files on disk follow each torrent's progress. Writes are synchronous and small
 * (≤ 2 MiB per file), so a read that calls {@link syncTorrent} first never reports more than
 * the disk holds.
 */
export function syncTorrent(torrent: QbtTorrent, version: QbittorrentVersion, now: number): void {
  const view = snapshot(torrent, version, now);
  if (!view.hasMetadata) return;
  for (const file of torrent.files) {
    const target = Math.floor(file.diskSize * view.progress);
    if (target <= file.written) continue;
    const path = join(torrent.savePath, file.path);
    if (file.written === 0) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.alloc(0));
    }
    while (file.written < target) {
      const length = Math.min(CHUNK.length, target - file.written);
      appendFileSync(path, CHUNK.subarray(0, length));
      file.written += length;
    }
  }
  if (view.complete && torrent.completionOn === null) torrent.completionOn = Math.floor(now / 1000);
}

/** `deleteFiles=true`: removes the torrent's files and its root folder; the save path stays. */
export function deleteTorrentFiles(torrent: QbtTorrent): void {
  if (torrent.contentPath !== torrent.savePath) {
    rmSync(torrent.contentPath, { recursive: true, force: true });
    return;
  }
  for (const file of torrent.files) rmSync(join(torrent.savePath, file.path), { force: true });
}

/** Grows the files of running torrents on an unref'd timer, so a process can exit while torrents download. */
export class DiskTicker {
  private readonly timer: NodeJS.Timeout;

  constructor(store: QbittorrentStore, version: QbittorrentVersion, intervalMs: number) {
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const torrent of store.torrents.values()) {
        if (torrent.runningSince === null || torrent.completionOn !== null) continue;
        try {
          syncTorrent(torrent, version, now);
        } catch {
          // A full disk or a deleted save path: qBittorrent shows the torrent as errored, so do we.
          torrent.sticky = 'error';
          torrent.runningSince = null;
        }
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
