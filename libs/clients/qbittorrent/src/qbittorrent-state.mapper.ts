import { QBITTORRENT_INFINITE_ETA } from './qbittorrent.constants';
import type { QbittorrentTorrentInfo } from './qbittorrent.schemas';
import type { QbittorrentItem, QbittorrentStatus } from './qbittorrent.types';

export interface StateMappingOptions {
  /** Radarr's `DhtEnabled`: with DHT a magnet waiting for metadata is Queued, without it a Warning. */
  dhtEnabled: boolean;
}

interface StatusVerdict {
  status: QbittorrentStatus;
  message?: string;
}

/**
 * qBittorrent `state` → status, as Radarr's `QBittorrent.GetItems` does (research notes §3.4). An
 * unknown state is Downloading, Radarr's default for states added after it was written.
 */
export function statusOfState(state: string, options: StateMappingOptions): StatusVerdict {
  switch (state) {
    // Deliberately not Failed: Radarr leaves an errored torrent for a human to look at.
    case 'error':
      return { status: 'Warning', message: 'qBittorrent is reporting an error' };
    case 'pausedDL':
    case 'stoppedDL':
      return { status: 'Paused' };
    // checkingUP: a re-check after completion can still fail, so it is not Completed yet.
    case 'queuedDL':
    case 'checkingDL':
    case 'checkingUP':
    case 'checkingResumeData':
      return { status: 'Queued' };
    case 'pausedUP':
    case 'stoppedUP':
    case 'uploading':
    case 'stalledUP':
    case 'queuedUP':
    case 'forcedUP':
      return { status: 'Completed' };
    case 'stalledDL':
      return { status: 'Warning', message: 'The download is stalled with no connections' };
    case 'missingFiles':
      return { status: 'Warning', message: 'The download is missing files' };
    case 'metaDL':
    case 'forcedMetaDL':
      return options.dhtEnabled
        ? { status: 'Queued', message: 'qBittorrent is downloading metadata' }
        : { status: 'Warning', message: 'qBittorrent cannot resolve magnet link with DHT disabled' };
    default:
      return { status: 'Downloading' };
  }
}

const stripTrailingSlash = (path: string) => path.replace(/[\\/]+$/, '');

/** One `torrents/info` entry → QbittorrentItem (pure). */
export function toQbittorrentItem(raw: QbittorrentTorrentInfo, options: StateMappingOptions): QbittorrentItem {
  let { status, message } = statusOfState(raw.state, options);
  // qBittorrent reports eta=8640000 ("infinite") for seeding torrents; Radarr forces 0 for Completed.
  let etaSeconds: number | null = raw.eta >= QBITTORRENT_INFINITE_ETA ? null : raw.eta;
  if (status === 'Completed') {
    etaSeconds = 0;
    // The content path is what gets imported; equal to the save path it would import the whole
    // download directory (content layout "NoSubfolder"), which Radarr refuses.
    if (stripTrailingSlash(raw.content_path) === stripTrailingSlash(raw.save_path)) {
      status = 'Warning';
      message =
        'Unable to import: the content path equals the download directory; set the ' +
        'content layout to Original or Subfolder';
    }
  }
  const item: QbittorrentItem = {
    id: raw.hash.toUpperCase(),
    hash: raw.hash,
    name: raw.name,
    status,
    state: raw.state,
    progress: raw.progress,
    etaSeconds,
    size: raw.size,
    contentPath: raw.content_path,
    savePath: raw.save_path,
    category: raw.category,
    tags: parseTags(raw.tags),
  };
  if (raw.downloaded !== undefined) item.downloaded = raw.downloaded;
  if (message !== undefined) item.message = message;
  return item;
}

/** qBittorrent joins tags with ", ". */
export function parseTags(tags: string | undefined): string[] {
  return (tags ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
