import { DownstreamUnavailableError } from '@keel/clients-core';
import { PROWLARR } from '../prowlarr.constants';

/**
 * Prowlarr answered 400 "all selected indexers being unavailable". Prowlarr itself is up (so this
 * never trips the breaker), but a search could not run: not the same as "no releases found".
 */
export class ProwlarrIndexersUnavailableError extends DownstreamUnavailableError {
  constructor(message: string) {
    super(PROWLARR, message, 400);
  }
}
