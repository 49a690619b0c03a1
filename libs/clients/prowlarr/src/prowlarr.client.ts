import { Inject, Injectable } from '@nestjs/common';
import { DownstreamContractError, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import type { HttpAnswer, HttpCall } from '@keel/clients-core';
import { ProwlarrIndexersUnavailableError } from './errors/prowlarr-indexers-unavailable.error';
import { ProwlarrReleaseGoneError } from './errors/prowlarr-release-gone.error';
import { proxyRequest } from './prowlarr-download.link';
import { toIndexer } from './prowlarr-indexer.mapper';
import { toRelease } from './prowlarr-release.mapper';
import { prowlarrIndexersSchema, prowlarrReleasesSchema } from './prowlarr.schemas';
import type { z } from 'zod';
import { recentQuery, searchQuery } from './prowlarr-search.query';
import { PROWLARR, PROWLARR_API_KEY } from './prowlarr.constants';
import type {
  ProwlarrDownload,
  ProwlarrIndexer,
  ProwlarrRecent,
  ProwlarrRelease,
  ProwlarrSearch,
} from './prowlarr.types';

/** A `.torrent` link may redirect to the indexer's own URL once (redirect-mode indexers); not more. */
const MAX_DOWNLOAD_HOPS = 2;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

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
  async search(search: ProwlarrSearch, signal?: AbortSignal): Promise<ProwlarrRelease[]> {
    const answer = await this.send({ operation: 'search', path: '/api/v1/search', query: searchQuery(search), signal });
    if (answer.status === 400)
      throw new ProwlarrIndexersUnavailableError(messageOf(answer) ?? 'all selected indexers are unavailable');
    if (answer.status >= 300) throw this.http.rejected(answer);
    return this.http.parse(answer, checked(prowlarrReleasesSchema)).map(toRelease);
  }

  /**
   * One indexer's newest releases, its RSS feed: a search with no query and no ids is what Prowlarr
   * treats as an RSS request (`SearchCriteriaBase.IsRssSearch`), answered from the indexer's recent
   * list, the same call Radarr's RSS sync makes to the indexer's Torznab feed (`t=search`, no `q`).
   * Throws ProwlarrIndexersUnavailableError when the indexer is down, as `search` does.
   */
  async recentReleases(recent: ProwlarrRecent, signal?: AbortSignal): Promise<ProwlarrRelease[]> {
    const answer = await this.send({
      operation: 'recentReleases',
      path: '/api/v1/search',
      query: recentQuery(recent),
      signal,
    });
    if (answer.status === 400)
      throw new ProwlarrIndexersUnavailableError(messageOf(answer) ?? 'the indexer is unavailable');
    if (answer.status >= 300) throw this.http.rejected(answer);
    return this.http.parse(answer, checked(prowlarrReleasesSchema)).map(toRelease);
  }

  async listIndexers(signal?: AbortSignal): Promise<ProwlarrIndexer[]> {
    return (
      await this.json({ operation: 'listIndexers', path: '/api/v1/indexer', signal }, checked(prowlarrIndexersSchema))
    ).map(toIndexer);
  }

  /**
   * What to hand a torrent client for `release`: the `.torrent` bytes, or a magnet URI. Prowlarr's
   * proxy answers 200 with the file or 301 to a magnet; redirects are followed only to magnets and
   * to the configured Prowlarr, at most {@link MAX_DOWNLOAD_HOPS} times.
   */
  async resolveDownload(
    release: Pick<ProwlarrRelease, 'title' | 'downloadUrl' | 'magnetUrl'>,
    signal?: AbortSignal,
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
      const answer = await this.send({
        operation: 'resolveDownload',
        path: target.path,
        query: target.query,
        headers: { accept: 'application/x-bittorrent, */*' },
        responseType: 'buffer',
        signal,
      });
      if (answer.status === 200 && answer.bytes !== undefined) return { kind: 'torrent', bytes: answer.bytes };
      if (answer.status === 404 || answer.status === 410)
        throw new ProwlarrReleaseGoneError(answer.status, release.title);
      const location = answer.headers.location;
      if (!REDIRECTS.has(answer.status) || typeof location !== 'string') throw this.http.rejected(answer);
      link = new URL(location, link).toString();
    }
    throw new DownstreamContractError(PROWLARR, [
      `release '${release.title}' redirected more than ${MAX_DOWNLOAD_HOPS} times`,
    ]);
  }

  /** Every call carries the key as `X-Api-Key` only, never in the URL, so it cannot reach a log line. */
  private send(call: HttpCall): Promise<HttpAnswer> {
    return this.http.send({ ...call, headers: { ...call.headers, 'x-api-key': this.apiKey } });
  }

  private async json<T>(call: HttpCall, validate: (body: unknown) => T): Promise<T> {
    const answer = await this.send(call);
    if (answer.status >= 300) throw this.http.rejected(answer);
    return this.http.parse(answer, validate);
  }
}

/** Interim: until the clients-core answers map lands, a schema checked by hand. */
function checked<T>(schema: z.ZodType<T>): (body: unknown) => T {
  return (body) => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw new DownstreamContractError(
      PROWLARR,
      result.error.issues.map((issue) => `${['body', ...issue.path].join('.')}: ${issue.message}`),
    );
  };
}

function messageOf(answer: HttpAnswer): string | undefined {
  try {
    const body = JSON.parse(answer.text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : undefined;
  } catch {
    return undefined;
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
