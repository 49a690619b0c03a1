import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { ProwlarrClient, ProwlarrReleaseGoneError } from '@keel/clients-prowlarr';
import { QbittorrentClient } from '@keel/clients-qbittorrent';
import type { AddTorrentRequest } from '@keel/clients-qbittorrent';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import { ACTIVE_STATES } from '../db/schema';
import type { MovieRow, TrackedDownloadRow } from '../db/schema';
import type { Decision } from '../decision';
import { MEDIA_METRICS } from '../metrics/media-metrics.providers';
import { MoviesRepository } from '../movies/movies.repository';
import { QualityProfilesService } from '../profiles/quality-profiles.service';
import { QueueEventsService } from '../queue/queue-events.service';
import { ReleaseSearchService } from '../search/release-search.service';
import type { ReleaseSearchResult } from '../search/release-search.service';
import { BlocklistRepository } from '../tracking/blocklist.repository';
import { HistoryRepository } from '../tracking/history.repository';
import { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import { alreadyDownloading, nothingApproved, releaseRejected, unknownRelease } from './grab.errors';

/**
 * Why a grab happened: a user's call, search on add, a command of the v3 API, the scheduled missing search, RSS sync,
 * or a re-download after a failure.
 */
export type GrabTrigger = 'user' | 'searchOnAdd' | 'command' | 'missingSearch' | 'rss' | 'redownload';

/** Tags every torrent Keel adds, so people can tell them apart in qBittorrent's UI. */
const GRAB_TAG = 'keel';
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
  /** qBittorrent keeps its categories across restarts: create ours once per process, not per grab. */
  private category: Promise<unknown> | undefined;

  constructor(
    private readonly search: ReleaseSearchService,
    private readonly profiles: QualityProfilesService,
    private readonly prowlarr: ProwlarrClient,
    private readonly qbittorrent: QbittorrentClient,
    private readonly movies: MoviesRepository,
    private readonly downloads: TrackedDownloadsRepository,
    private readonly history: HistoryRepository,
    private readonly blocklist: BlocklistRepository,
    private readonly events: QueueEventsService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
    @InjectMetric(MEDIA_METRICS.grabs) private readonly grabs: Counter<'trigger'>,
  ) {}

  /** Grabs `guid`, or the best approved release, and tracks it; `trigger` labels media_grabs_total. */
  async grab(movie: MovieRow, guid?: string, trigger: GrabTrigger = 'user'): Promise<TrackedDownloadRow> {
    return this.exclusive(movie, async () => {
      const result = await this.search.search(movie, await this.profiles.byId(movie.qualityProfileId));
      return guid !== undefined
        ? this.send(movie, this.choose(movie, result, guid), result, trigger)
        : this.sendBest(movie, result, trigger);
    });
  }

  /**
   * Grabs the best approved release among decisions already made (RSS sync judges an indexer's feed
   * without searching), with the same one-download-per-movie guards as `grab`.
   */
  async grabDecided(movie: MovieRow, result: ReleaseSearchResult, trigger: GrabTrigger): Promise<TrackedDownloadRow> {
    return this.exclusive(movie, () => this.sendBest(movie, result, trigger));
  }

  /** Runs `grab` unless the movie is downloading already, or being grabbed on this replica. */
  private async exclusive(movie: MovieRow, grab: () => Promise<TrackedDownloadRow>): Promise<TrackedDownloadRow> {
    if (this.inFlight.has(movie.id)) throw alreadyDownloading(movie.title, 'a grab in progress');
    this.inFlight.add(movie.id);
    try {
      const active = await this.downloads.activeForMovie(movie.id);
      if (active) throw alreadyDownloading(movie.title, active.releaseTitle);
      return await grab();
    } finally {
      this.inFlight.delete(movie.id);
    }
  }

  /** The best approved release, or undefined when none is (after a failure, say). */
  async grabNextBest(movie: MovieRow): Promise<TrackedDownloadRow | undefined> {
    if (await this.downloads.activeForMovie(movie.id)) return undefined;
    const result = await this.search.search(movie, await this.profiles.byId(movie.qualityProfileId));
    return result.decisions.some((d) => d.approved) ? this.sendBest(movie, result, 'redownload') : undefined;
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
        return await this.send(movie, decision, result, trigger);
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

  private categoryReady(): Promise<unknown> {
    this.category ??= this.qbittorrent.ensureCategory(this.config.category).catch((error: unknown) => {
      this.category = undefined;
      throw error;
    });
    return this.category;
  }

  /**
   * The insert hit a unique index: another grab of the movie, on this replica or another, won the
   * race (the database's one-active-download index is the lock that holds across replicas). The
   * loser answers 409. Its torrent is taken back only if it added it itself and nobody tracks it:
   * when both picked the same release, the torrent is the winner's download too.
   */
  private async conflict(movie: MovieRow, added: { id: string; duplicate: boolean }): Promise<never> {
    const same = await this.downloads.findByDownloadId(added.id);
    const trackedByWinner = same !== undefined && ACTIVE_STATES.includes(same.state);
    if (!added.duplicate && !trackedByWinner) await this.qbittorrent.remove([added.id], false).catch(() => undefined);
    const active = await this.downloads.activeForMovie(movie.id);
    this.logger.log({
      msg: 'grab lost a race with another grab of the movie',
      movieId: movie.id,
      downloadId: added.id,
    });
    throw alreadyDownloading(movie.title, active?.releaseTitle ?? same?.releaseTitle ?? 'another release');
  }

  private choose(movie: MovieRow, result: ReleaseSearchResult, guid: string): Decision {
    const chosen = result.decisions.find((d) => d.release.guid === guid);
    if (!chosen) throw unknownRelease(guid);
    if (!chosen.approved)
      throw releaseRejected(
        chosen.release.title,
        chosen.rejections.map((r) => r.message),
      );
    return chosen;
  }

  private async send(
    movie: MovieRow,
    decision: Decision,
    result: ReleaseSearchResult,
    trigger: GrabTrigger,
  ): Promise<TrackedDownloadRow> {
    const release = result.releases.get(decision.release.guid);
    if (!release) throw unknownRelease(decision.release.guid);
    const link = await this.prowlarr.resolveDownload(release);
    const request: AddTorrentRequest = { category: this.config.category, tags: [GRAB_TAG], paused: false };
    if (link.kind === 'magnet') request.urls = [link.uri];
    else Object.assign(request, { torrent: link.bytes, fileName: `${release.title}.torrent` });
    await this.categoryReady();
    const added = await this.qbittorrent.addTorrent(request);

    const now = new Date();
    const row: TrackedDownloadRow = {
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
    };
    const tracked = await this.downloads.insert(row);
    if (!tracked) return this.conflict(movie, added);
    await this.history.record({
      movieId: movie.id,
      downloadId: added.id,
      event: 'grabbed',
      sourceTitle: release.title,
      quality: decision.quality.name,
      data: { indexer: release.indexer, guid: release.guid, size: release.size, duplicate: added.duplicate },
    });
    await this.movies.setStatus(movie.id, 'downloading');
    this.grabs.inc({ trigger });
    this.logger.log({
      msg: 'release grabbed',
      movieId: movie.id,
      downloadId: added.id,
      release: release.title,
      quality: decision.quality.name,
      indexer: release.indexer,
    });
    this.events.publish('grabbed', tracked);
    return tracked;
  }
}
