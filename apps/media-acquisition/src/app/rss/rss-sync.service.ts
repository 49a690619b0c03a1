import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProwlarrClient } from '@keel/clients-prowlarr';
import { RequestContext } from '@keel/context';
import type { ProwlarrIndexer, ProwlarrRelease } from '@keel/clients-prowlarr';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { MovieRow } from '../db/schema';
import { GrabService } from '../grab/grab.service';
import { MoviesRepository } from '../movies/movies.repository';
import { QualityProfilesService } from '../profiles/quality-profiles.service';
import { ReleaseSearchService } from '../search/release-search.service';
import { matchReleases } from './release-matcher';

/** Newznab's movie categories: 2000 and its 20xx subcategories. */
const MOVIE_CATEGORIES = [2000];
/** What Radarr asks of each feed: an indexer's page of newest releases. */
const FEED_LIMIT = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export interface RssSyncReport {
  indexers: number;
  failedIndexers: number;
  releases: number;
  /** Movies some release on a feed matched. */
  matched: number;
  grabbed: number;
}

/**
 * Radarr's RSS sync: read every indexer's feed of new releases through Prowlarr (one call per indexer,
 * MEDIA_RSS_SYNC_PAUSE apart, so the sync never spends Prowlarr's rate limit in a burst), match each
 * release to a monitored movie with no download in progress, judge the matches as a search's results
 * would be (quality profile, blocklist, upgrade rules against the movie's file), and grab the best
 * approved one per movie. Nothing is searched: the feeds are the only Prowlarr reads.
 */
@Injectable()
export class RssSyncService {
  private readonly logger = new Logger(RssSyncService.name);

  constructor(
    private readonly prowlarr: ProwlarrClient,
    private readonly search: ReleaseSearchService,
    private readonly movies: MoviesRepository,
    private readonly profiles: QualityProfilesService,
    private readonly grabs: GrabService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  async sync(): Promise<RssSyncReport> {
    const indexers = (await this.search.indexers()).filter((indexer) => indexer.enable && indexer.supportsRss);
    const { releases, failed } = await this.readFeeds(indexers);
    // Wanted, or with a file an upgrade may replace: the decision engine applies the profile's cutoff.
    const candidates = (await this.movies.list(10_000)).filter(
      (movie) => movie.monitored && movie.status !== 'downloading',
    );
    const matches = matchReleases(candidates, releases);
    const priorities = new Map(indexers.map((indexer) => [indexer.id, indexer.priority]));
    let grabbed = 0;
    for (const { movie, releases: found } of matches)
      grabbed += (await this.grabBest(movie, found, priorities)) ? 1 : 0;
    return {
      indexers: indexers.length,
      failedIndexers: failed,
      releases: releases.length,
      matched: matches.length,
      grabbed,
    };
  }

  private async readFeeds(indexers: ProwlarrIndexer[]): Promise<{ releases: ProwlarrRelease[]; failed: number }> {
    const releases: ProwlarrRelease[] = [];
    let failed = 0;
    let lastError: unknown;
    for (const [i, indexer] of indexers.entries()) {
      if (i > 0) await sleep(this.config.rssSyncPauseMs);
      try {
        releases.push(
          ...(await RequestContext.withDeadline(this.config.indexerTimeoutMs, () =>
            this.prowlarr.recentReleases({ indexerId: indexer.id, categories: MOVIE_CATEGORIES, limit: FEED_LIMIT }),
          )),
        );
      } catch (error) {
        failed++;
        lastError = error;
        this.logger.warn({
          msg: 'could not read an indexer’s RSS feed',
          indexerId: indexer.id,
          indexer: indexer.name,
          error: (error as Error).message,
        });
      }
    }
    // Every feed failed: the run failed (its status says why), rather than "nothing new".
    if (indexers.length > 0 && failed === indexers.length) throw lastError;
    return { releases, failed };
  }

  /**
   * True when a release was grabbed; a movie whose grab fails (qBittorrent down, a race) is logged and left for the
   * next sync.
   */
  private async grabBest(
    movie: MovieRow,
    found: ProwlarrRelease[],
    priorities: ReadonlyMap<number, number>,
  ): Promise<boolean> {
    try {
      const result = await this.search.judge(
        movie,
        await this.profiles.byId(movie.qualityProfileId),
        found,
        priorities,
      );
      if (!result.decisions.some((decision) => decision.approved)) return false;
      const download = await this.grabs.grabDecided(movie, result, 'rss');
      this.logger.log({
        msg: 'grabbed from an RSS feed',
        movieId: movie.id,
        release: download.releaseTitle,
        indexer: download.indexer,
      });
      return true;
    } catch (error) {
      this.logger.warn({
        msg: 'RSS sync could not grab a matched release',
        movieId: movie.id,
        error: (error as Error).message,
      });
      return false;
    }
  }
}
