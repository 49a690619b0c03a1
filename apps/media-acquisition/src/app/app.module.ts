import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { ProwlarrHealthIndicator } from '@keel/clients-prowlarr';
import { QbittorrentHealthIndicator } from '@keel/clients-qbittorrent';
import { TmdbHealthIndicator } from '@keel/clients-tmdb';
import { DatabaseHealthIndicator, PersistenceModule } from '@keel/persistence';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import { AcquisitionModule } from './acquisition.module';
import { MediaConfigModule } from './config/media-config.module';
import * as schema from './db/schema';
import { MoviesModule } from './movies/movies.module';
import { QualityProfilesModule } from './profiles/quality-profiles.module';
import { ScheduledJobsService } from './jobs/scheduled-jobs.service';
import { QueueService } from './queue/queue.service';
import { RadarrV3Module } from './radarr-v3/radarr-v3.module';

/** apps/media-acquisition/migrations, found from this file both in the sources and in dist/ (the build copies it). */
export const MEDIA_MIGRATIONS = process.env.MEDIA_MIGRATIONS_DIR ?? join(__dirname, '..', '..', 'migrations');

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'media-acquisition',
      // A search waits up to MEDIA_INDEXER_TIMEOUT (8 s) for its slowest indexer; a grab searches first.
      requestDeadline: '15s',
      readiness: [DatabaseHealthIndicator],
      downstreams: [ProwlarrHealthIndicator, QbittorrentHealthIndicator, TmdbHealthIndicator],
      status: { queue: QueueService, jobs: ScheduledJobsService },
    }),
    ResilienceModule.forRoot({ service: 'media-acquisition' }),
    // MEDIA_DATA_DIR: where PGlite keeps its files when DATABASE_URL is unset (`memory://` keeps none).
    // Read when the module starts, not when this file loads, so a test's env applies.
    PersistenceModule.forRootAsync({ useFactory: () => ({ service: 'media-acquisition', schema, migrationsFolder: MEDIA_MIGRATIONS, dataDir: process.env.MEDIA_DATA_DIR || undefined }) }),
    MediaConfigModule,
    QualityProfilesModule,
    MoviesModule,
    AcquisitionModule,
    RadarrV3Module,
  ],
})
export class AppModule {}
