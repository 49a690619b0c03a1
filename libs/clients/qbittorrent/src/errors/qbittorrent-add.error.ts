import { DownstreamRejectedError } from '@keel/clients-core';
import { QBITTORRENT } from '../qbittorrent.constants';

/** qBittorrent added nothing, and the torrent is not there either: a real failure, not a duplicate. */
export class QbittorrentAddError extends DownstreamRejectedError {
  constructor(
    readonly infoHash: string,
    status: number,
    readonly body: string,
  ) {
    super(QBITTORRENT, status, { detail: `torrent ${infoHash} was not added (${body.slice(0, 200) || 'empty body'})` });
  }
}
