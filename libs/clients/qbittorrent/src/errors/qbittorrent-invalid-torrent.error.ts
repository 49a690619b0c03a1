import { DownstreamRejectedError } from '@keel/clients-core';
import { QBITTORRENT } from '../qbittorrent.constants';

/** The torrent (file bytes or magnet) cannot be a torrent: qBittorrent's 415, or a magnet without `btih`. */
export class QbittorrentInvalidTorrentError extends DownstreamRejectedError {
  constructor(
    readonly reason: string,
    status = 415,
  ) {
    super(QBITTORRENT, status, { detail: reason });
  }
}
