import { ETA_INFINITE, METADATA_SHARE, type QbittorrentVersion, usesStopWording } from './qbittorrent.constants';
import type { QbtTorrent } from './qbittorrent.types';

/** Where a torrent stands at one instant, derived from its running time only. */
export interface TorrentSnapshot {
  state: string;
  /** 0..1 of the payload (0 while fetching metadata). */
  progress: number;
  hasMetadata: boolean;
  complete: boolean;
  /** Seconds, or {@link ETA_INFINITE}. */
  eta: number;
  dlspeed: number;
}

export function elapsedMs(torrent: QbtTorrent, now: number): number {
  return torrent.activeMs + (torrent.runningSince === null ? 0 : Math.max(0, now - torrent.runningSince));
}

/**
 * Progress is a pure function of running time, so reads never depend on a timer having fired and a
 * paused torrent keeps its progress exactly.
 */
export function snapshot(torrent: QbtTorrent, version: QbittorrentVersion, now: number): TorrentSnapshot {
  const elapsed = Math.min(elapsedMs(torrent, now), torrent.downloadMs);
  const metaMs = torrent.fromMagnet ? torrent.downloadMs * METADATA_SHARE : 0;
  const hasMetadata = elapsed >= metaMs || torrent.completionOn !== null;
  const payloadMs = torrent.downloadMs - metaMs;
  const raw =
    torrent.completionOn !== null
      ? 1
      : hasMetadata && payloadMs > 0
        ? (elapsed - metaMs) / payloadMs
        : hasMetadata
          ? 1
          : 0;
  const progress = Math.min(1, Math.max(0, raw));
  const complete = progress >= 1;
  const running = torrent.runningSince !== null;
  const state = stateOf(torrent, version, hasMetadata, complete);
  const downloading = running && !complete && torrent.sticky === null;
  const eta = complete
    ? 0
    : downloading && hasMetadata
      ? Math.ceil((torrent.downloadMs - elapsed) / 1000)
      : ETA_INFINITE;
  const dlspeed = downloading && hasMetadata ? Math.round(torrent.totalSize / Math.max(payloadMs / 1000, 0.001)) : 0;
  return { state, progress, hasMetadata, complete, eta, dlspeed };
}

function stateOf(torrent: QbtTorrent, version: QbittorrentVersion, hasMetadata: boolean, complete: boolean): string {
  if (torrent.sticky !== null) return torrent.sticky;
  if (torrent.paused) {
    const prefix = usesStopWording(version) ? 'stopped' : 'paused';
    return `${prefix}${complete ? 'UP' : 'DL'}`;
  }
  if (complete) return 'uploading';
  return hasMetadata ? 'downloading' : 'metaDL';
}

/** Banks the running time so the clock stops; used by pause and by sticky states. */
export function freeze(torrent: QbtTorrent, now: number): void {
  torrent.activeMs = elapsedMs(torrent, now);
  torrent.runningSince = null;
}

export function thaw(torrent: QbtTorrent, now: number): void {
  if (torrent.runningSince === null && !torrent.paused && torrent.sticky === null) torrent.runningSince = now;
}
