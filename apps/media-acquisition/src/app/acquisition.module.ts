import { Module } from '@nestjs/common';
import { ProwlarrClientModule } from '@keel/clients-prowlarr';
import { QbittorrentClientModule } from '@keel/clients-qbittorrent';
import { GrabController } from './grab/grab.controller';
import { MEDIA_METRIC_PROVIDERS } from './metrics/media-metrics.providers';
import { GrabService } from './grab/grab.service';
import { SearchOnAddListener } from './grab/search-on-add.listener';
import { JobsController } from './jobs/jobs.controller';
import { MissingSearchJob } from './jobs/missing-search.job';
import { RssSyncJob } from './jobs/rss-sync.job';
import { ScheduledJobsService } from './jobs/scheduled-jobs.service';
import { MovieFileImporter } from './import';
import { LeasesModule } from './leases/leases.module';
import { CompletedDownloadHandler } from './monitor/completed-download.handler';
import { DownloadMonitorService } from './monitor/download-monitor.service';
import { FailedDownloadHandler } from './monitor/failed-download.handler';
import { MoviesModule } from './movies/movies.module';
import { QualityProfilesModule } from './profiles/quality-profiles.module';
import { QueueEventsService } from './queue/queue-events.service';
import { QueueController } from './queue/queue.controller';
import { QueueService } from './queue/queue.service';
import { RssSyncService } from './rss/rss-sync.service';
import { ReleaseSearchService } from './search/release-search.service';
import { TrackingModule } from './tracking/tracking.module';

/** Search (or RSS sync) → decide → grab → monitor → import: the pipeline over Prowlarr and qBittorrent. */
@Module({
  imports: [
    ProwlarrClientModule,
    QbittorrentClientModule,
    MoviesModule,
    QualityProfilesModule,
    TrackingModule,
    LeasesModule,
  ],
  controllers: [GrabController, QueueController, JobsController],
  providers: [
    ...MEDIA_METRIC_PROVIDERS,
    ReleaseSearchService,
    GrabService,
    MovieFileImporter,
    CompletedDownloadHandler,
    FailedDownloadHandler,
    DownloadMonitorService,
    QueueEventsService,
    QueueService,
    SearchOnAddListener,
    ScheduledJobsService,
    MissingSearchJob,
    RssSyncService,
    RssSyncJob,
  ],
  exports: [QueueService, DownloadMonitorService, GrabService, ScheduledJobsService],
})
export class AcquisitionModule {}
