import { Module } from '@nestjs/common';
import { GrabModule } from '../grab/grab.module';
import { ImportModule } from '../import/import.module';
import { LeasesModule } from '../leases/leases.module';
import { MediaMetricsModule } from '../metrics/media-metrics.module';
import { MoviesModule } from '../movies/movies.module';
import { TrackingModule } from '../tracking/tracking.module';
import { DownloadMonitorService } from './download-monitor.service';
import { FailedDownloadHandler } from './failed-download.handler';

/** Watches qBittorrent for the tracked downloads: progress, completion (to import) and failure. */
@Module({
  imports: [TrackingModule, ImportModule, GrabModule, MoviesModule, LeasesModule, MediaMetricsModule],
  providers: [DownloadMonitorService, FailedDownloadHandler],
  exports: [DownloadMonitorService],
})
export class MonitorModule {}
