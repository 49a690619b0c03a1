import { PROWLARR_CONTROL_PREFIX } from './prowlarr.control-routes';
import type { PublishedRelease, PublishedReleaseRef } from './prowlarr.feed-routes';
import type { IndexerBehaviour, OmittedFields, SearchLogEntry } from './prowlarr.state';

/** A typed client of the Prowlarr emulator's own controls, for out-of-process tests and benchmarks. */
export interface ProwlarrControl {
  /** `PUT /_sandbox/prowlarr/indexers/:id`: changes one indexer's latency and/or failure. */
  setIndexer(indexerId: number, change: Partial<IndexerBehaviour>): Promise<IndexerBehaviour>;
  /** `DELETE /_sandbox/prowlarr/indexers`: every indexer answers at once and successfully again. */
  resetIndexers(): Promise<void>;
  /** `GET /_sandbox/prowlarr/search-log`: every `/api/v1/search` arrival since the last reset. */
  searchLog(): Promise<SearchLogEntry[]>;
  resetSearchLog(): Promise<void>;
  /** `PUT /_sandbox/prowlarr/omit-fields`: answer like another Prowlarr version, without these fields. */
  omitFields(change: Partial<OmittedFields>): Promise<OmittedFields>;
  /** `DELETE /_sandbox/prowlarr/omit-fields`: every field is sent again. */
  resetOmittedFields(): Promise<void>;
  /** `POST /_sandbox/prowlarr/feed`: a new release appears on an indexer's feed (RSS) and in matching searches. */
  publishRelease(release: PublishedRelease): Promise<PublishedReleaseRef>;
  /** `DELETE /_sandbox/prowlarr/feed`: every published release is taken off again. */
  resetFeed(): Promise<void>;
}

export function prowlarrControl(baseUrl: string): ProwlarrControl {
  const call = async (method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${baseUrl}${PROWLARR_CONTROL_PREFIX}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(
        `${method} ${PROWLARR_CONTROL_PREFIX}${path} answered ${response.status}: ` +
          `${await response.text().catch(() => '')}`,
      );
    return response;
  };
  const drain = async (response: Response) => void (await response.arrayBuffer());
  return {
    setIndexer: async (id, change) => (await (await call('PUT', `/indexers/${id}`, change)).json()) as IndexerBehaviour,
    resetIndexers: async () => drain(await call('DELETE', '/indexers')),
    searchLog: async () => ((await (await call('GET', '/search-log')).json()) as { entries: SearchLogEntry[] }).entries,
    resetSearchLog: async () => drain(await call('DELETE', '/search-log')),
    omitFields: async (change) => (await (await call('PUT', '/omit-fields', change)).json()) as OmittedFields,
    resetOmittedFields: async () => drain(await call('DELETE', '/omit-fields')),
    publishRelease: async (release) => (await (await call('POST', '/feed', release)).json()) as PublishedReleaseRef,
    resetFeed: async () => drain(await call('DELETE', '/feed')),
  };
}

/**
 * The most timestamps that fall in any window of `windowMs` (a half-open interval `[t, t + windowMs)`),
 * e.g. to prove "never more than 60 searches in any 60 s".
 */
export function maxInWindow(timestamps: readonly number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
