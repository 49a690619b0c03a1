import { DownstreamRejectedError } from '@keel/clients-core';
import { PROWLARR } from '../prowlarr.constants';

/** The download link answered 404/410: the indexer dropped the release or the link expired. Pick another. */
export class ProwlarrReleaseGoneError extends DownstreamRejectedError {
  constructor(
    status: number,
    readonly releaseTitle: string,
  ) {
    super(PROWLARR, status, { detail: `release '${releaseTitle}' is no longer available` });
  }
}
