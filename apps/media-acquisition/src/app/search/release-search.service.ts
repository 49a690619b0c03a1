import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { DownstreamError, DownstreamTimeoutError } from '@keel/clients-core';
import { RequestContext } from '@keel/context';
import { ProwlarrClient } from '@keel/clients-prowlarr';
import type { ProwlarrIndexer, ProwlarrRelease } from '@keel/clients-prowlarr';
import { decide } from '../decision';
import type { CandidateRelease, Decision } from '../decision';
import type { MovieRow, QualityProfileRow } from '../db/schema';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import { QualityProfilesService, toQualityProfile } from '../profiles/quality-profiles.service';
import { MoviesRepository } from '../movies/movies.repository';
import { BlocklistRepository } from '../tracking/blocklist.repository';
import { MEDIA_METRICS } from '../metrics/media-metrics.providers';
import { SearchCache } from './search-cache';

/** Newznab's movie categories: 2000 and its 20xx subcategories. */
const MOVIE_CATEGORIES = [2000];
const INDEXERS_TTL_MS = 5 * 60_000;

export type IndexerOutcome = 'ok' | 'timeout' | 'failed';

export interface IndexerReport {
  indexerId: number;
  indexer: string;
  outcome: IndexerOutcome;
  cached: boolean;
  releases: number;
}

/** A release as Prowlarr found it, with its indexer's priority: what a decision judges and a grab sends. */
export type FoundRelease = ProwlarrRelease & CandidateRelease;

export interface ReleaseSearchResult {
  /** Approved best first, then rejected; each carries its Prowlarr release (grabbing needs its links). */
  decisions: Decision<FoundRelease>[];
  indexers: IndexerReport[];
  /** True when at least one indexer's results are missing. */
  degraded: boolean;
}

/**
 * Searches every indexer at once, one Prowlarr call each, so a slow indexer costs only its own
 * results (after MEDIA_INDEXER_TIMEOUT) rather than holding up the whole search; Prowlarr itself
 * waits for all of them. Each indexer's answer is cached briefly, because Prowlarr rate-limits us.
 */
@Injectable()
export class ReleaseSearchService {
  private readonly logger = new Logger(ReleaseSearchService.name);
  private readonly cache: SearchCache<ProwlarrRelease[]>;
  private readonly indexerList: SearchCache<ProwlarrIndexer[]>;
  /** Each movie's latest search, so a grab of a release it listed sends that very decision. */
  private readonly searched: SearchCache<ReleaseSearchResult>;

  constructor(
    private readonly prowlarr: ProwlarrClient,
    private readonly blocklist: BlocklistRepository,
    private readonly movies: MoviesRepository,
    private readonly profiles: QualityProfilesService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
    @InjectMetric(MEDIA_METRICS.indexerSearches) private readonly searches: Counter<'indexer' | 'outcome'>,
  ) {
    this.cache = new SearchCache(config.searchCacheTtlMs);
    this.indexerList = new SearchCache(INDEXERS_TTL_MS, 1);
    this.searched = new SearchCache(config.searchCacheTtlMs);
  }

  /** Searches for `movie` under its own quality profile. */
  async searchFor(movie: MovieRow): Promise<ReleaseSearchResult> {
    return this.search(movie, await this.profiles.byId(movie.qualityProfileId));
  }

  /**
   * The decision on `guid` from the movie's latest search (within MEDIA_SEARCH_CACHE_TTL), as Radarr
   * grabs from its interactive search; searches only when there is none. Undefined: not a release
   * the search found.
   */
  async decisionOn(movie: MovieRow, guid: string): Promise<Decision<FoundRelease> | undefined> {
    const { value } = await this.searched.get(searchKey(movie), () => this.searchFor(movie));
    return value.decisions.find((decision) => decision.release.guid === guid);
  }

  /** Prowlarr's indexers, asked at most every five minutes. */
  async indexers(): Promise<ProwlarrIndexer[]> {
    return (
      await this.indexerList.get('indexers', () =>
        RequestContext.withDeadline(this.config.indexerTimeoutMs, () => this.prowlarr.listIndexers()),
      )
    ).value;
  }

  async search(movie: MovieRow, profileRow: QualityProfileRow): Promise<ReleaseSearchResult> {
    const indexers = (await this.indexers()).filter((indexer) => indexer.enable && indexer.supportsSearch);
    const settled = await Promise.allSettled(indexers.map((indexer) => this.searchIndexer(movie, indexer)));
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    if (indexers.length > 0 && failures.length === indexers.length) throw this.whyAllFailed(failures);

    const seen = new Set<string>();
    const candidates: FoundRelease[] = [];
    const reports = indexers.map((indexer, i): IndexerReport => {
      const result = settled[i];
      if (result.status === 'rejected') {
        const outcome: IndexerOutcome = isTimeout(result.reason) ? 'timeout' : 'failed';
        this.logger.warn({
          msg: 'indexer search failed',
          indexerId: indexer.id,
          indexer: indexer.name,
          outcome,
          error: (result.reason as Error).message,
        });
        this.searches.inc({ indexer: indexer.name, outcome });
        return { indexerId: indexer.id, indexer: indexer.name, outcome, cached: false, releases: 0 };
      }
      for (const release of result.value.value) {
        if (seen.has(release.guid)) continue;
        seen.add(release.guid);
        candidates.push(toCandidate(release, indexer.priority));
      }
      this.searches.inc({ indexer: indexer.name, outcome: result.value.cached ? 'cached' : 'ok' });
      return {
        indexerId: indexer.id,
        indexer: indexer.name,
        outcome: 'ok',
        cached: result.value.cached,
        releases: result.value.value.length,
      };
    });

    const result = {
      decisions: await this.decideFor(movie, profileRow, candidates),
      indexers: reports,
      degraded: failures.length > 0,
    };
    if (profileRow.id === movie.qualityProfileId) this.searched.set(searchKey(movie), result);
    return result;
  }

  /**
   * Judges releases found elsewhere (an indexer's RSS feed) for `movie`, as a search's would be:
   * the same specifications, blocklist and upgrade rules against its file, the same ranking.
   */
  async judge(
    movie: MovieRow,
    profileRow: QualityProfileRow,
    found: readonly ProwlarrRelease[],
    indexerPriority: ReadonlyMap<number, number>,
  ): Promise<ReleaseSearchResult> {
    const unique = new Map(found.map((release) => [release.guid, release]));
    const candidates = [...unique.values()].map((release) =>
      toCandidate(release, indexerPriority.get(release.indexerId)),
    );
    return { decisions: await this.decideFor(movie, profileRow, candidates), indexers: [], degraded: false };
  }

  private async decideFor(
    movie: MovieRow,
    profileRow: QualityProfileRow,
    candidates: FoundRelease[],
  ): Promise<Decision<FoundRelease>[]> {
    const [blocklist, file] = await Promise.all([this.blocklist.forMovie(movie.id), this.movies.file(movie.id)]);
    const existingFile = file && {
      quality: file.quality,
      revision: { version: file.revisionVersion, real: file.revisionReal },
    };
    return decide(
      candidates,
      {
        title: movie.title,
        year: movie.year,
        imdbId: movie.imdbId ?? undefined,
        tmdbId: movie.tmdbId ?? undefined,
        runtimeMinutes: movie.runtimeMinutes ?? undefined,
        existingFile,
      },
      toQualityProfile(profileRow),
      { blocklist: blocklist.map((b) => ({ guid: b.releaseGuid, title: b.releaseTitle, indexerId: b.indexerId })) },
    );
  }

  private searchIndexer(movie: MovieRow, indexer: ProwlarrIndexer) {
    return this.cache.get(`${movie.id}:${indexer.id}`, () =>
      RequestContext.withDeadline(this.config.indexerTimeoutMs, () =>
        this.prowlarr.search({
          query: movie.title,
          imdbId: movie.imdbId ?? undefined,
          tmdbId: movie.tmdbId ?? undefined,
          categories: MOVIE_CATEGORIES,
          indexerIds: [indexer.id],
          limit: 100,
        }),
      ),
    );
  }

  /** Every indexer failed: answer with the downstream's own error (503 + Retry-After, 504 …). */
  private whyAllFailed(failures: unknown[]): unknown {
    return (
      failures.find((f) => f instanceof DownstreamError && !isTimeout(f)) ??
      failures.find((f) => f instanceof DownstreamError) ??
      new DownstreamTimeoutError('prowlarr', this.config.indexerTimeoutMs)
    );
  }
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof DownstreamTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

/** Keyed by profile too: a movie moved to another profile is judged afresh. */
function searchKey(movie: MovieRow): string {
  return `${movie.id}:${movie.qualityProfileId}`;
}

function toCandidate(release: ProwlarrRelease, indexerPriority: number | undefined): FoundRelease {
  return { ...release, indexerPriority };
}
