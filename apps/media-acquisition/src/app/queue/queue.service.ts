import { Injectable } from '@nestjs/common';
import type { StatusContributor } from '@keel/platform';
import { MoviesRepository } from '../movies/movies.repository';
import { toDownloadResponse } from '../movies/movie.mapper';
import { DownloadMonitorService } from '../monitor/download-monitor.service';
import { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import type { QueueItemResponse } from './dto/queue.response';

/** The queue view, and the `queue` section of `/api/system/status`. */
@Injectable()
export class QueueService implements StatusContributor {
  constructor(
    private readonly downloads: TrackedDownloadsRepository,
    private readonly movies: MoviesRepository,
    private readonly monitor: DownloadMonitorService,
  ) {}

  async list(): Promise<QueueItemResponse[]> {
    const rows = await this.downloads.active();
    const movies = new Map((await Promise.all([...new Set(rows.map((r) => r.movieId))].map((id) => this.movies.find(id)))).flatMap((m) => (m ? [[m.id, m] as const] : [])));
    return rows.map((row) => {
      const movie = movies.get(row.movieId);
      return { ...toDownloadResponse(row), movieId: row.movieId, movie: movie ? `${movie.title} (${movie.year})` : '' };
    });
  }

  async status(): Promise<unknown> {
    return { counts: await this.downloads.countByState(), monitor: this.monitor.status };
  }
}
