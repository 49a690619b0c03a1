import { Module } from '@nestjs/common';
import { downstreamHealth } from '@keel/clients-core';
import { LIBRARY, LibraryClientModule } from '@keel/clients-library';
import { DatabaseHealthIndicator, PersistenceModule } from '@keel/persistence';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import { DOWNLOAD_MIGRATIONS, downloadDataDir } from './app.config';
import * as schema from './db/schema';
import { DownloadsModule } from './downloads/downloads.module';
import { LibraryGamesModule } from './library-games/library-games.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'download',
      readiness: [DatabaseHealthIndicator],
      downstreams: [downstreamHealth(LIBRARY)],
    }),
    ResilienceModule.forRoot({ service: 'download' }),
    // Read when the module starts, not when this file loads, so a test can set DOWNLOAD_DATA_DIR first.
    PersistenceModule.forRootAsync({
      useFactory: () => ({
        service: 'download',
        schema,
        migrationsFolder: DOWNLOAD_MIGRATIONS,
        dataDir: downloadDataDir(),
      }),
    }),
    LibraryClientModule,
    DownloadsModule,
    LibraryGamesModule,
  ],
})
export class AppModule {}
