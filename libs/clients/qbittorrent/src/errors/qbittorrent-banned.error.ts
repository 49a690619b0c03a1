import { DownstreamUnavailableError } from '@keel/clients-core';
import { QBITTORRENT } from '../qbittorrent.constants';

/**
 * qBittorrent banned our IP after too many failed logins (403 at `auth/login`, even with good
 * credentials) for `WebUI\BanDuration` (default 3600 s), which it does not tell us.
 */
export class QbittorrentBannedError extends DownstreamUnavailableError {
  constructor(readonly detail: string) {
    super(QBITTORRENT, `${QBITTORRENT} banned this client's IP address: ${detail}`, 403);
  }
}
