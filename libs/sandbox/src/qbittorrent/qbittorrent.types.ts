/** Errors a test can pin on a torrent through the control API; they stay until cleared. */
export type StickyTorrentState = 'error' | 'missingFiles' | 'stalledDL';

export type ContentLayout = 'Original' | 'Subfolder' | 'NoSubfolder';

/** One file of a torrent; `path` is relative to the save path, as `torrents/files` names it. */
export interface TorrentFileEntry {
  path: string;
  /** Catalogue size, as reported. */
  size: number;
  /** Bytes the emulator really writes (a small cap, so tests stay fast). */
  diskSize: number;
  /** Bytes written so far. */
  written: number;
}

export interface QbtTorrent {
  hash: string;
  name: string;
  magnetUri: string;
  savePath: string;
  /** Absolute; a folder, or the single file when there is no root folder. */
  contentPath: string;
  category: string;
  tags: string[];
  autoTmm: boolean;
  totalSize: number;
  files: TorrentFileEntry[];
  /** Magnets start without metadata and spend {@link METADATA_SHARE} of their time in `metaDL`. */
  fromMagnet: boolean;
  downloadMs: number;
  /** Epoch seconds. */
  addedOn: number;
  completionOn: number | null;
  /** Running time banked before the last pause. */
  activeMs: number;
  /** Epoch ms of the last start; null while paused or pinned to a sticky state. */
  runningSince: number | null;
  paused: boolean;
  sticky: StickyTorrentState | null;
}

export interface QbtCategory {
  name: string;
  savePath: string;
}

/** What survives an emulator restart: torrents, categories and tags (sessions and bans do not). */
export interface QbittorrentStore {
  readonly torrents: Map<string, QbtTorrent>;
  readonly categories: Map<string, QbtCategory>;
  readonly tags: Set<string>;
}
