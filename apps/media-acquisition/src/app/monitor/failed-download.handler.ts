import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { QbittorrentClient } from '@keel/clients-qbittorrent';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { TrackedDownloadRow } from '../db/schema';
import { GrabService } from '../grab/grab.service';
import { MEDIA_METRICS } from '../metrics/media-metrics.providers';
import { MoviesRepository } from '../movies/movies.repository';
import { QueueEventsService } from '../queue/queue-events.service';
import { BlocklistRepository } from '../tracking/blocklist.repository';
import { OutcomeRepository } from '../tracking/outcome.repository';
import { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';

/**
 * Radarr's FailedDownloadService and its handlers: blocklist the release, remove the torrent, and
 * (MEDIA_AUTO_REDOWNLOAD) grab the next best release. `failedPending` is persisted first, so a
 * restart half-way finishes the job instead of forgetting it.
 */
@Injectable()
export class FailedDownloadHandler {
  private readonly logger = new Logger(FailedDownloadHandler.name);

  constructor(
    private readonly downloads: TrackedDownloadsRepository,
    private readonly blocklist: BlocklistRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly movies: MoviesRepository,
    private readonly qbittorrent: QbittorrentClient,
    private readonly grabs: GrabService,
    private readonly events: QueueEventsService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
    @InjectMetric(MEDIA_METRICS.failedDownloads) private readonly failures: Counter,
  ) {}

  async fail(row: TrackedDownloadRow, reason: string): Promise<void> {
    const pending = await this.downloads.transition(row.id, ['downloading', 'importBlocked'], 'failedPending', {
      messages: [reason],
    });
    if (pending) {
      this.events.publish('state', pending);
      await this.finish(pending);
    }
  }

  /** The rest of a failure, also run by the monitor for a `failedPending` row left by a restart. */
  async finish(row: TrackedDownloadRow): Promise<void> {
    const reason = row.messages[0] ?? 'Download failed';
    await this.blocklist.add({
      movieId: row.movieId,
      releaseGuid: row.releaseGuid,
      releaseTitle: row.releaseTitle,
      indexerId: row.indexerId,
      reason,
    });
    if (this.config.removeFailed) {
      await this.qbittorrent.remove([row.downloadId], true).catch((error: Error) =>
        this.logger.warn({
          msg: 'could not remove the failed download',
          downloadId: row.downloadId,
          error: error.message,
        }),
      );
    }
    const failed = await this.outcomes.record({
      download: row,
      from: ['failedPending'],
      to: 'failed',
      movieStatus: 'keepIfFile',
      history: {
        movieId: row.movieId,
        downloadId: row.downloadId,
        event: 'downloadFailed',
        sourceTitle: row.releaseTitle,
        quality: row.quality,
        data: { reason },
      },
    });
    if (!failed) return;
    this.failures.inc();
    this.logger.warn({
      msg: 'download failed; release blocklisted',
      downloadId: row.downloadId,
      release: row.releaseTitle,
      reason,
    });
    this.events.publish('state', failed);
    if (this.config.autoRedownload) await this.redownload(row.movieId);
  }

  /**
   * Stops tracking a download without judging the release: the user removed it from the queue, or it
   * vanished from qBittorrent. Nothing is blocklisted and nothing else is grabbed.
   */
  async ignore(row: TrackedDownloadRow, reason: string): Promise<TrackedDownloadRow | undefined> {
    const ignored = await this.outcomes.record({
      download: row,
      from: ['downloading', 'importPending', 'importBlocked'],
      to: 'ignored',
      messages: [reason],
      movieStatus: 'keepIfFile',
      history: {
        movieId: row.movieId,
        downloadId: row.downloadId,
        event: 'downloadIgnored',
        sourceTitle: row.releaseTitle,
        quality: row.quality,
        data: { reason },
      },
    });
    if (!ignored) return undefined;
    this.logger.log({ msg: 'download no longer tracked', downloadId: row.downloadId, reason });
    this.events.publish('state', ignored);
    return ignored;
  }

  private async redownload(movieId: string): Promise<void> {
    const movie = await this.movies.find(movieId);
    if (!movie) return;
    try {
      const next = await this.grabs.grabNextBest(movie);
      this.logger.log({
        msg: next ? 'grabbed the next best release' : 'no other approved release to grab',
        movieId,
        release: next?.releaseTitle,
      });
    } catch (error) {
      this.logger.warn({ msg: 'could not grab another release', movieId, error: (error as Error).message });
    }
  }
}
