/** Radarr's `DownloadItemStatus`, which the state mapper reproduces. */
export type QbittorrentStatus = 'Queued' | 'Downloading' | 'Paused' | 'Completed' | 'Warning' | 'Failed';

/** One torrent as the rest of Keel sees it. */
export interface QbittorrentItem {
  /** The info hash, upper-case: Radarr's download id. */
  id: string;
  /** The info hash as qBittorrent reports it (lower-case hex). */
  hash: string;
  name: string;
  status: QbittorrentStatus;
  /** qBittorrent's raw `state`, e.g. `metaDL` or `stoppedDL`. */
  state: string;
  /** 0..1 */
  progress: number;
  /** Null when qBittorrent reports an infinite ETA; 0 once completed. */
  etaSeconds: number | null;
  size: number;
  downloaded?: number;
  contentPath: string;
  savePath: string;
  category: string;
  tags: string[];
  message?: string;
}

export interface AddTorrentRequest {
  /** Magnet links or http(s) URLs of `.torrent` files. */
  urls?: string[];
  /** The bytes of a `.torrent` file. */
  torrent?: Buffer;
  fileName?: string;
  category?: string;
  savepath?: string;
  tags?: string[];
  paused?: boolean;
}

export interface AddTorrentResult {
  /** Upper-case info hash. */
  id: string;
  /** qBittorrent already had this torrent, so nothing was added. */
  duplicate: boolean;
}

export interface QbittorrentVersions {
  /** e.g. `v4.5.2` */
  app: string;
  /** e.g. `2.8.19` */
  webApi: string;
}

export interface QbittorrentListQuery {
  category?: string;
  /** Ids (upper-case hashes) or hashes. */
  hashes?: string[];
}
