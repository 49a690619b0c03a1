import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { TrackedDownloadRow } from '../db/schema';
import { GrabService } from '../grab/grab.service';
import { TorrentSender } from '../grab/torrent.sender';
import { MEDIA_METRICS } from '../metrics/media-metrics.providers';
import { MoviesRepository } from '../movies/movies.repository';
import { TrackedDownloads } from '../tracking/tracked-downloads.service';

/**
 * Radarr's FailedDownloadService and its handlers: blocklist the release, remove the torrent, and
 * (MEDIA_AUTO_REDOWNLOAD) grab the next best release. `failedPending` is persisted first, so a
 * restart half-way finishes the job instead of forgetting it.
 */
@Injectable()
export class FailedDownloadHandler {
  private readonly logger = new Logger(FailedDownloadHandler.name);

  constructor(
    private readonly downloads: TrackedDownloads,
    private readonly torrents: TorrentSender,
    private readonly movies: MoviesRepository,
    private readonly grabs: GrabService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
    @InjectMetric(MEDIA_METRICS.failedDownloads) private readonly failures: Counter,
  ) {}

  async fail(row: TrackedDownloadRow, reason: string): Promise<void> {
    const pending = await this.downloads.failing(row, reason);
    if (pending) await this.finish(pending);
  }

  /** The rest of a failure, also run by the monitor for a `failedPending` row left by a restart. */
  async finish(row: TrackedDownloadRow): Promise<void> {
    const reason = row.messages[0] ?? 'Download failed';
    if (this.config.removeFailed) {
      await this.torrents.remove(row.downloadId, true).catch((error: Error) =>
        this.logger.warn({
          msg: 'could not remove the failed download',
          downloadId: row.downloadId,
          error: error.message,
        }),
      );
    }
    if (!(await this.downloads.failed(row, reason))) return;
    this.failures.inc();
    this.logger.warn({
      msg: 'download failed; release blocklisted',
      downloadId: row.downloadId,
      release: row.releaseTitle,
      reason,
    });
    if (this.config.autoRedownload) await this.redownload(row.movieId);
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
