import { Module } from '@nestjs/common';
import { GrabModule } from '../grab/grab.module';
import { LeasesModule } from '../leases/leases.module';
import { MoviesModule } from '../movies/movies.module';
import { RssModule } from '../rss/rss.module';
import { JobsController } from './jobs.controller';
import { MissingSearchJob } from './missing-search.job';
import { RssSyncJob } from './rss-sync.job';
import { ScheduledJobsService } from './scheduled-jobs.service';

/** The scheduled jobs (RSS sync, missing search), once per interval across the fleet, and `POST /jobs/{name}/run`. */
@Module({
  imports: [LeasesModule, GrabModule, RssModule, MoviesModule],
  controllers: [JobsController],
  providers: [ScheduledJobsService, MissingSearchJob, RssSyncJob],
  exports: [ScheduledJobsService],
})
export class JobsModule {}
