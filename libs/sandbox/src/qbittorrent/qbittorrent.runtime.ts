import type { QbittorrentVersion } from './qbittorrent.constants';
import type { LoginBans, SessionTable } from './qbittorrent.sessions';
import type { QbittorrentStore } from './qbittorrent.types';

/** Everything the route handlers of one running emulator share. */
export interface QbtRuntime {
  readonly version: QbittorrentVersion;
  readonly username: string;
  readonly password: string;
  readonly downloadRoot: string;
  readonly downloadMs: number;
  readonly withSample: boolean;
  readonly store: QbittorrentStore;
  readonly sessions: SessionTable;
  readonly bans: LoginBans;
}
