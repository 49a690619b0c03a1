import { Module } from '@nestjs/common';
import { downstreamHealth } from '@keel/clients-core';
import { PROWLARR } from '@keel/clients-prowlarr';
import { QBITTORRENT } from '@keel/clients-qbittorrent';
import { TMDB } from '@keel/clients-tmdb';
import { DatabaseHealthIndicator, PersistenceModule } from '@keel/persistence';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import { MEDIA_MIGRATIONS, mediaDataDir } from './app.config';
import { MediaConfigModule } from './config/media-config.module';
import * as schema from './db/schema';
import { GrabModule } from './grab/grab.module';
import { JobsModule } from './jobs/jobs.module';
import { MoviesModule } from './movies/movies.module';
import { QualityProfilesModule } from './profiles/quality-profiles.module';
import { ScheduledJobsService } from './jobs/scheduled-jobs.service';
import { QueueModule } from './queue/queue.module';
import { QueueService } from './queue/queue.service';
import { RadarrV3Module } from './radarr-v3/radarr-v3.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'media-acquisition',
      // A search waits up to MEDIA_INDEXER_TIMEOUT (8 s) for its slowest indexer; a grab searches first.
      requestDeadline: '15s',
      readiness: [DatabaseHealthIndicator],
      downstreams: [downstreamHealth(PROWLARR), downstreamHealth(QBITTORRENT), downstreamHealth(TMDB)],
      status: { queue: QueueService, jobs: ScheduledJobsService },
    }),
    ResilienceModule.forRoot({ service: 'media-acquisition' }),
    // Read when the module starts, not when this file loads, so a test's env applies.
    PersistenceModule.forRootAsync({
      useFactory: () => ({
        service: 'media-acquisition',
        schema,
        migrationsFolder: MEDIA_MIGRATIONS,
        dataDir: mediaDataDir(),
      }),
    }),
    MediaConfigModule,
    QualityProfilesModule,
    MoviesModule,
    // Search → decide → grab → monitor → import; Search, Monitor, Import and Rss come in through these.
    GrabModule,
    QueueModule,
    JobsModule,
    RadarrV3Module,
  ],
})
export class AppModule {}
