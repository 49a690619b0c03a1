import { Inject, Injectable } from '@nestjs/common';
import {
  DownstreamContractError,
  InjectHttpClient,
  ResilientHttpClient,
  bytesAnswer,
  textAnswer,
  wholeAnswer,
} from '@keel/clients-core';
import type { AnsweredCall, Answered, Answers } from '@keel/clients-core';
import { ProwlarrIndexersUnavailableError } from './errors/prowlarr-indexers-unavailable.error';
import { ProwlarrReleaseGoneError } from './errors/prowlarr-release-gone.error';
import { proxyRequest } from './prowlarr-download.link';
import { toIndexer } from './prowlarr-indexer.mapper';
import { toRelease } from './prowlarr-release.mapper';
import { recentQuery, searchQuery } from './prowlarr-search.query';
import { PROWLARR, PROWLARR_API_KEY } from './prowlarr.constants';
import { prowlarrErrorMessage, prowlarrIndexersSchema, prowlarrReleasesSchema } from './prowlarr.schemas';
import type {
  ProwlarrDownload,
  ProwlarrIndexer,
  ProwlarrRecent,
  ProwlarrRelease,
  ProwlarrSearch,
} from './prowlarr.types';

/** A `.torrent` link may redirect to the indexer's own URL once (redirect-mode indexers); not more. */
const MAX_DOWNLOAD_HOPS = 2;

/**
 * `/api/v1/search`: the releases, or 400 when every selected indexer is unavailable (its body is
 * Prowlarr's `{message}`, or whatever a proxy put there, so it is read as text).
 */
const SEARCH_ANSWERS = { 200: prowlarrReleasesSchema, 400: textAnswer() } as const;

/**
 * A download link: the `.torrent` bytes, a redirect (to a magnet, or the indexer's own URL), or gone
 * (the indexer dropped the release or the link expired).
 */
const DOWNLOAD_ANSWERS = {
  200: bytesAnswer(),
  301: wholeAnswer(),
  302: wholeAnswer(),
  303: wholeAnswer(),
  307: wholeAnswer(),
  308: wholeAnswer(),
  404: null,
  410: null,
} as const;

/** Typed client of Prowlarr API v1 (contracts/media-acquisition-notes.md §1). */
@Injectable()
export class ProwlarrClient {
  constructor(
    @InjectHttpClient(PROWLARR) private readonly http: ResilientHttpClient,
    @Inject(PROWLARR_API_KEY) private readonly apiKey: string,
  ) {}

  /**
   * A movie search across the chosen indexers. Throws ProwlarrIndexersUnavailableError when every
   * selected indexer is down (Prowlarr's 400), so that "none found" and "could not look" differ.
   */
  async search(search: ProwlarrSearch): Promise<ProwlarrRelease[]> {
    const answer = await this.call({
      operation: 'search',
      path: '/api/v1/search',
      query: searchQuery(search),
      answers: SEARCH_ANSWERS,
    });
    if (answer.status === 400)
      throw new ProwlarrIndexersUnavailableError(
        prowlarrErrorMessage(answer.body) ?? 'all selected indexers are unavailable',
      );
    return answer.body.map(toRelease);
  }

  /**
   * One indexer's newest releases, its RSS feed: a search with no query and no ids is what Prowlarr
   * treats as an RSS request (`SearchCriteriaBase.IsRssSearch`), answered from the indexer's recent
   * list, the same call Radarr's RSS sync makes to the indexer's Torznab feed (`t=search`, no `q`).
   * Throws ProwlarrIndexersUnavailableError when the indexer is down, as `search` does.
   */
  async recentReleases(recent: ProwlarrRecent): Promise<ProwlarrRelease[]> {
    const answer = await this.call({
      operation: 'recentReleases',
      path: '/api/v1/search',
      query: recentQuery(recent),
      answers: SEARCH_ANSWERS,
    });
    if (answer.status === 400)
      throw new ProwlarrIndexersUnavailableError(prowlarrErrorMessage(answer.body) ?? 'the indexer is unavailable');
    return answer.body.map(toRelease);
  }

  async listIndexers(): Promise<ProwlarrIndexer[]> {
    const answer = await this.call({
      operation: 'listIndexers',
      path: '/api/v1/indexer',
      answers: { 200: prowlarrIndexersSchema },
    });
    return answer.body.map(toIndexer);
  }

  /**
   * What to hand a torrent client for `release`: the `.torrent` bytes, or a magnet URI. Prowlarr's
   * proxy answers 200 with the file or 301 to a magnet; redirects are followed only to magnets and
   * to the configured Prowlarr, at most {@link MAX_DOWNLOAD_HOPS} times.
   */
  async resolveDownload(
    release: Pick<ProwlarrRelease, 'title' | 'downloadUrl' | 'magnetUrl'>,
  ): Promise<ProwlarrDownload> {
    let link = release.downloadUrl ?? release.magnetUrl;
    if (link === undefined)
      throw new DownstreamContractError(PROWLARR, [`release '${release.title}' has neither downloadUrl nor magnetUrl`]);
    for (let hop = 0; hop <= MAX_DOWNLOAD_HOPS; hop++) {
      if (link.startsWith('magnet:')) return { kind: 'magnet', uri: link };
      const target = proxyRequest(link, this.http.config.urls);
      if (target === undefined)
        throw new DownstreamContractError(PROWLARR, [
          `release '${release.title}' links outside Prowlarr (${safeOrigin(link)})`,
        ]);
      const answer = await this.call({
        operation: 'resolveDownload',
        path: target.path,
        query: target.query,
        headers: { accept: 'application/x-bittorrent, */*' },
        answers: DOWNLOAD_ANSWERS,
      });
      if (answer.status === 200) return { kind: 'torrent', bytes: answer.body };
      if (answer.status === 404 || answer.status === 410)
        throw new ProwlarrReleaseGoneError(answer.status, release.title);
      const location = answer.body.headers.location;
      if (typeof location !== 'string')
        throw new DownstreamContractError(PROWLARR, [`headers.location: a ${answer.status} without a Location`]);
      link = new URL(location, link).toString();
    }
    throw new DownstreamContractError(PROWLARR, [
      `release '${release.title}' redirected more than ${MAX_DOWNLOAD_HOPS} times`,
    ]);
  }

  /** Every call carries the key as `X-Api-Key` only, never in the URL, so it cannot reach a log line. */
  private call<const A extends Answers>(call: AnsweredCall<A>): Promise<Answered<A>> {
    return this.http.call({ ...call, headers: { ...call.headers, 'x-api-key': this.apiKey } });
  }
}

/** Names where a link points without echoing its query, which may hold a key. */
function safeOrigin(link: string): string {
  try {
    return new URL(link).origin;
  } catch {
    return 'an invalid URL';
  }
}
