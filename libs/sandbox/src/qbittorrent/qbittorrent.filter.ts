import { type QbittorrentVersion, usesStopWording } from './qbittorrent.constants';
import type { TorrentInfo } from './qbittorrent.serialize';

const DOWNLOADING = new Set([
  'downloading',
  'metaDL',
  'forcedMetaDL',
  'stalledDL',
  'checkingDL',
  'pausedDL',
  'stoppedDL',
  'queuedDL',
  'forcedDL',
]);
const SEEDING = new Set(['uploading', 'stalledUP', 'checkingUP', 'queuedUP', 'forcedUP']);
const STOPPED = new Set(['pausedDL', 'pausedUP', 'stoppedDL', 'stoppedUP']);
const ERRORED = new Set(['error', 'missingFiles', 'unknown']);

type Predicate = (torrent: TorrentInfo) => boolean;

const isStopped: Predicate = (t) => STOPPED.has(String(t['state']));
const isActive: Predicate = (t) => Number(t['dlspeed']) > 0 || Number(t['upspeed']) > 0;

/** `base/torrentfilter.cpp`; 4.x names the pause filters `paused`/`resumed`, 5.x `stopped`/`running`. */
function filters(version: QbittorrentVersion): Record<string, Predicate> {
  const [stoppedName, runningName] = usesStopWording(version) ? ['stopped', 'running'] : ['paused', 'resumed'];
  return {
    downloading: (t) => DOWNLOADING.has(String(t['state'])),
    seeding: (t) => SEEDING.has(String(t['state'])),
    completed: (t) => t['progress'] === 1,
    [stoppedName]: isStopped,
    [runningName]: (t) => !isStopped(t),
    active: isActive,
    inactive: (t) => !isActive(t),
    stalled: (t) => t['state'] === 'stalledDL' || t['state'] === 'stalledUP',
    stalled_uploading: (t) => t['state'] === 'stalledUP',
    stalled_downloading: (t) => t['state'] === 'stalledDL',
    errored: (t) => ERRORED.has(String(t['state'])),
  };
}

/** Applies `torrents/info`'s query. An unknown filter name means "all", as in qBittorrent. */
export function selectTorrents(
  all: TorrentInfo[],
  query: (name: string) => string | undefined,
  version: QbittorrentVersion,
): TorrentInfo[] {
  const filter = filters(version)[query('filter') ?? 'all'] ?? (() => true);
  const category = query('category');
  const tag = query('tag');
  let selected = all.filter(
    (t) =>
      filter(t) &&
      (category === undefined || t['category'] === category) &&
      (tag === undefined || (tag === '' ? t['tags'] === '' : String(t['tags']).split(', ').includes(tag))),
  );
  const sort = query('sort');
  if (sort !== undefined) {
    selected = [...selected].sort((a, b) => compare(a[sort], b[sort]));
    if (query('reverse')?.toLowerCase() === 'true') selected.reverse();
  }
  const offset = Number(query('offset') ?? 0) || 0;
  // A negative offset counts from the end, as qBittorrent allows.
  const start = offset < 0 ? Math.max(0, selected.length + offset) : offset;
  const limit = Number(query('limit') ?? 0) || 0;
  return limit > 0 ? selected.slice(start, start + limit) : selected.slice(start);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}
