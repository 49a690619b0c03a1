import type { CatalogueEntry } from './prowlarr.catalogue';

/** How one indexer behaves behind the emulated Prowlarr (`PUT /_sandbox/prowlarr/indexers/:id`). */
export interface IndexerBehaviour {
  /** How long the indexer takes to answer; a search waits for its slowest selected indexer. */
  latencyMs: number;
  /** A failing indexer is dropped from search results without a word, as Prowlarr does. */
  failing: boolean;
}

/** One arrival at `/api/v1/search`, counted before auth so a rate-limit proof sees every request. */
export interface SearchLogEntry {
  /** Epoch milliseconds (sub-millisecond precision), from a monotonic clock. */
  at: number;
  /** The request path and its raw query string, exactly as received. */
  url: string;
  /** Where the API key came from, or `none`. */
  apiKeyVia: 'query' | 'header' | 'bearer' | 'none';
}

/**
 * Fields to leave out of answers, as another Prowlarr version would (`PUT /_sandbox/prowlarr/omit-fields`):
 * `indexer` from `/api/v1/indexer` entries, `release` from `/api/v1/search` results.
 */
export interface OmittedFields {
  indexer: string[];
  release: string[];
}

export interface IndexerCounters {
  queries: number;
  failedQueries: number;
  grabs: number;
  failedGrabs: number;
  totalResponseMs: number;
  lastFailure?: string;
  firstFailure?: string;
}

const NORMAL: IndexerBehaviour = Object.freeze({ latencyMs: 0, failing: false });
/** Bounds memory when a benchmark runs for hours; the window proofs need only recent arrivals. */
const MAX_LOG_ENTRIES = 50_000;

/** The emulator's mutable state: per-indexer behaviour, counters for indexerstats, the search log. */
export class ProwlarrState {
  private readonly behaviours = new Map<number, IndexerBehaviour>();
  private readonly counters = new Map<number, IndexerCounters>();
  private log: SearchLogEntry[] = [];
  private omitted: OmittedFields = { indexer: [], release: [] };
  /** Releases published on indexers' feeds after start-up, oldest first. */
  private published: CatalogueEntry[] = [];
  private publishedCount = 0;

  behaviour(id: number): IndexerBehaviour {
    return this.behaviours.get(id) ?? NORMAL;
  }

  setBehaviour(id: number, change: Partial<IndexerBehaviour>): IndexerBehaviour {
    const next = { ...this.behaviour(id), ...change };
    this.behaviours.set(id, next);
    if (next.failing) {
      const now = new Date().toISOString();
      const counters = this.countersOf(id);
      counters.firstFailure ??= now;
      counters.lastFailure = now;
    }
    return next;
  }

  resetBehaviours(): void {
    this.behaviours.clear();
    for (const counters of this.counters.values()) {
      delete counters.firstFailure;
      delete counters.lastFailure;
    }
  }

  countersOf(id: number): IndexerCounters {
    let counters = this.counters.get(id);
    if (counters === undefined) {
      counters = { queries: 0, failedQueries: 0, grabs: 0, failedGrabs: 0, totalResponseMs: 0 };
      this.counters.set(id, counters);
    }
    return counters;
  }

  omittedFields(): OmittedFields {
    return this.omitted;
  }

  setOmittedFields(change: Partial<OmittedFields>): OmittedFields {
    this.omitted = { ...this.omitted, ...change };
    return this.omitted;
  }

  /** `resource` without the fields set to be omitted for its `kind`. */
  withoutOmitted(kind: keyof OmittedFields, resource: Record<string, unknown>): Record<string, unknown> {
    const omit = this.omitted[kind];
    if (omit.length === 0) return resource;
    return Object.fromEntries(Object.entries(resource).filter(([field]) => !omit.includes(field)));
  }

  /** The next number for a published release: its key and tracker id stay unique for the emulator's life. */
  nextPublished(): number {
    return ++this.publishedCount;
  }

  publish(entry: CatalogueEntry): void {
    this.published.push(entry);
  }

  publishedReleases(): readonly CatalogueEntry[] {
    return this.published;
  }

  resetPublished(): void {
    this.published = [];
  }

  logSearch(entry: SearchLogEntry): void {
    if (this.log.length >= MAX_LOG_ENTRIES) this.log = this.log.slice(MAX_LOG_ENTRIES / 2);
    this.log.push(entry);
  }

  searchLog(): readonly SearchLogEntry[] {
    return this.log;
  }

  resetSearchLog(): void {
    this.log = [];
  }
}

/** Epoch time with sub-millisecond precision that never goes backwards within the process. */
export function monotonicNow(): number {
  return performance.timeOrigin + performance.now();
}
