import { Injectable, NotFoundException } from '@nestjs/common';
import type { StatusContributor } from '@keel/platform';
import { MoviesRepository } from '../movies/movies.repository';
import { toDownloadResponse } from '../movies/movie.mapper';
import { DownloadMonitorService } from '../monitor/download-monitor.service';
import { TorrentSender } from '../grab/torrent.sender';
import { TrackedDownloads } from '../tracking/tracked-downloads.service';
import type { QueueItemResponse } from './dto/queue.response';

/** The queue view, and the `queue` section of `/api/system/status`. */
@Injectable()
export class QueueService implements StatusContributor {
  constructor(
    private readonly downloads: TrackedDownloads,
    private readonly movies: MoviesRepository,
    private readonly monitor: DownloadMonitorService,
    private readonly torrents: TorrentSender,
  ) {}

  async remove(downloadId: string, options: { removeFromClient: boolean; blocklist: boolean }): Promise<void> {
    const row = await this.downloads.byDownloadId(downloadId);
    if (!row || !['downloading', 'importPending', 'importBlocked'].includes(row.state))
      throw new NotFoundException(`No download ${downloadId} in the queue`);
    // qBittorrent first: if it is down, the request fails with 503 and nothing has changed yet.
    if (options.removeFromClient) await this.torrents.remove(row.downloadId, true);
    const reason = 'Removed from the queue';
    const ignored = await this.downloads.ignored(row, reason, options.blocklist ? reason : undefined);
    if (!ignored) throw new NotFoundException(`No download ${downloadId} in the queue`);
  }

  async list(): Promise<QueueItemResponse[]> {
    const rows = await this.downloads.active();
    const movies = new Map(
      (await this.movies.findMany([...new Set(rows.map((r) => r.movieId))])).map((m) => [m.id, m]),
    );
    return rows.map((row) => {
      const movie = movies.get(row.movieId);
      return { ...toDownloadResponse(row), movieId: row.movieId, movie: movie ? `${movie.title} (${movie.year})` : '' };
    });
  }

  async status(): Promise<unknown> {
    // The lease says which replica of the fleet monitors qBittorrent (polls and imports) right now.
    return {
      counts: await this.downloads.countByState(),
      monitor: { ...this.monitor.status, lease: await this.monitor.leaseStatus() },
    };
  }
}
