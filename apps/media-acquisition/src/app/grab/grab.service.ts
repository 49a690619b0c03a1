import { Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { ProwlarrReleaseGoneError } from '@keel/clients-prowlarr';
import { ACTIVE_STATES } from '../db/schema';
import type { MovieRow, TrackedDownloadRow } from '../db/schema';
import type { Decision } from '../decision';
import { MEDIA_METRICS } from '../metrics/media-metrics.providers';
import { ReleaseSearchService } from '../search/release-search.service';
import type { FoundRelease, ReleaseSearchResult } from '../search/release-search.service';
import { BlocklistRepository } from '../tracking/blocklist.repository';
import { TrackedDownloads } from '../tracking/tracked-downloads.service';
import { alreadyDownloading, nothingApproved, releaseRejected, unknownRelease } from './grab.errors';
import { TorrentSender } from './torrent.sender';
import type { SentTorrent } from './torrent.sender';

/**
 * Why a grab happened: a user's call, search on add, a command of the v3 API, the scheduled missing search, RSS sync,
 * or a re-download after a failure.
 */
export type GrabTrigger = 'user' | 'searchOnAdd' | 'command' | 'missingSearch' | 'rss' | 'redownload';

/** Approved releases tried, best first, when the indexer no longer has the better ones. */
const MAX_GONE_RELEASES = 3;

@Injectable()
export class GrabService {
  private readonly logger = new Logger(GrabService.name);
  /**
   * Movies with a grab in flight on this replica; across replicas, the database's one-active-download index decides
   * (see `conflict`).
   */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly search: ReleaseSearchService,
    private readonly sender: TorrentSender,
    private readonly downloads: TrackedDownloads,
    private readonly blocklist: BlocklistRepository,
    @InjectMetric(MEDIA_METRICS.grabs) private readonly grabs: Counter<'trigger'>,
  ) {}

  /**
   * Grabs `guid` (the decision the movie's latest search made on it), or searches and grabs the best
   * approved release, and tracks it; `trigger` labels media_grabs_total.
   */
  async grab(movie: MovieRow, guid?: string, trigger: GrabTrigger = 'user'): Promise<TrackedDownloadRow> {
    return this.exclusive(movie, async () =>
      guid !== undefined
        ? this.send(movie, chosen(await this.search.decisionOn(movie, guid), guid), trigger)
        : this.sendBest(movie, await this.search.searchFor(movie), trigger),
    );
  }

  /**
   * Grabs the best approved release among decisions already made (RSS sync judges an indexer's feed
   * without searching), with the same one-download-per-movie guards as `grab`.
   */
  async grabDecided(movie: MovieRow, result: ReleaseSearchResult, trigger: GrabTrigger): Promise<TrackedDownloadRow> {
    return this.exclusive(movie, () => this.sendBest(movie, result, trigger));
  }

  /** The best approved release, or undefined when none is (after a failure, say). */
  async grabNextBest(movie: MovieRow): Promise<TrackedDownloadRow | undefined> {
    if (await this.downloads.activeFor(movie.id)) return undefined;
    const result = await this.search.searchFor(movie);
    return result.decisions.some((d) => d.approved) ? this.sendBest(movie, result, 'redownload') : undefined;
  }

  /** Runs `grab` unless the movie is downloading already, or being grabbed on this replica. */
  private async exclusive(movie: MovieRow, grab: () => Promise<TrackedDownloadRow>): Promise<TrackedDownloadRow> {
    if (this.inFlight.has(movie.id)) throw alreadyDownloading(movie.title, 'a grab in progress');
    this.inFlight.add(movie.id);
    try {
      const active = await this.downloads.activeFor(movie.id);
      if (active) throw alreadyDownloading(movie.title, active.releaseTitle);
      return await grab();
    } finally {
      this.inFlight.delete(movie.id);
    }
  }

  /**
   * The best approved release; if the indexer no longer has it (its link answers 404/410), that
   * release is blocklisted and the next best is tried, a few at most.
   */
  private async sendBest(
    movie: MovieRow,
    result: ReleaseSearchResult,
    trigger: GrabTrigger,
  ): Promise<TrackedDownloadRow> {
    const approved = result.decisions.filter((d) => d.approved);
    if (approved.length === 0) throw nothingApproved(movie.title, result.decisions.length);
    let gone: ProwlarrReleaseGoneError | undefined;
    for (const decision of approved.slice(0, MAX_GONE_RELEASES)) {
      try {
        return await this.send(movie, decision, trigger);
      } catch (error) {
        if (!(error instanceof ProwlarrReleaseGoneError)) throw error;
        gone = error;
        const { release } = decision;
        this.logger.warn({
          msg: 'release gone from its indexer; trying the next best',
          movieId: movie.id,
          release: release.title,
          indexer: release.indexer,
        });
        await this.blocklist.add({
          movieId: movie.id,
          releaseGuid: release.guid,
          releaseTitle: release.title,
          indexerId: release.indexerId,
          reason: 'No longer available from the indexer',
        });
      }
    }
    throw gone as ProwlarrReleaseGoneError;
  }

  private async send(
    movie: MovieRow,
    decision: Decision<FoundRelease>,
    trigger: GrabTrigger,
  ): Promise<TrackedDownloadRow> {
    const { release } = decision;
    const added = await this.sender.send(release);
    const now = new Date();
    const tracked = await this.downloads.grabbed(
      {
        id: randomUUID(),
        movieId: movie.id,
        downloadId: added.id,
        releaseGuid: release.guid,
        releaseTitle: release.title,
        indexerId: release.indexerId,
        indexer: release.indexer,
        quality: decision.quality.name,
        revisionVersion: decision.revision.version,
        revisionReal: decision.revision.real,
        sizeBytes: release.size,
        state: 'downloading',
        clientStatus: null,
        progress: 0,
        etaSeconds: null,
        outputPath: null,
        messages: [],
        grabbedAt: now,
        updatedAt: now,
      },
      { indexer: release.indexer, guid: release.guid, size: release.size, duplicate: added.duplicate },
    );
    if (!tracked) return this.conflict(movie, added);
    this.grabs.inc({ trigger });
    this.logger.log({
      msg: 'release grabbed',
      movieId: movie.id,
      downloadId: added.id,
      release: release.title,
      quality: decision.quality.name,
      indexer: release.indexer,
    });
    return tracked;
  }

  /**
   * The insert hit a unique index: another grab of the movie, on this replica or another, won the
   * race (the database's one-active-download index is the lock that holds across replicas). The
   * loser answers 409. Its torrent is taken back only if it added it itself and nobody tracks it:
   * when both picked the same release, the torrent is the winner's download too.
   */
  private async conflict(movie: MovieRow, added: SentTorrent): Promise<never> {
    const same = await this.downloads.byDownloadId(added.id);
    const trackedByWinner = same !== undefined && ACTIVE_STATES.includes(same.state);
    if (!added.duplicate && !trackedByWinner) await this.sender.remove(added.id, false).catch(() => undefined);
    const active = await this.downloads.activeFor(movie.id);
    this.logger.log({
      msg: 'grab lost a race with another grab of the movie',
      movieId: movie.id,
      downloadId: added.id,
    });
    throw alreadyDownloading(movie.title, active?.releaseTitle ?? same?.releaseTitle ?? 'another release');
  }
}

/** The chosen release, if the search found it and approved it. */
function chosen(decision: Decision<FoundRelease> | undefined, guid: string): Decision<FoundRelease> {
  if (!decision) throw unknownRelease(guid);
  if (!decision.approved)
    throw releaseRejected(
      decision.release.title,
      decision.rejections.map((r) => r.message),
    );
  return decision;
}
