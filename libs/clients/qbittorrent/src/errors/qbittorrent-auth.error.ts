import { DownstreamUnavailableError } from '@keel/clients-core';
import { QBITTORRENT } from '../qbittorrent.constants';

/**
 * qBittorrent refused our credentials (`Fails.` or 401). That is our deployment's misconfiguration,
 * not our caller's fault, so it answers 503 like any other unusable downstream.
 */
export class QbittorrentAuthError extends DownstreamUnavailableError {
  constructor(readonly loginStatus: number) {
    super(
      QBITTORRENT,
      `${QBITTORRENT} refused the configured credentials (login answered ${loginStatus})`,
      loginStatus,
    );
  }
}
