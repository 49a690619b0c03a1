import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { LibraryClientModule, LibraryHealthIndicator } from '@keel/clients-library';
import { DatabaseHealthIndicator, PersistenceModule } from '@keel/persistence';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import * as schema from './db/schema';
import { DownloadsModule } from './downloads/downloads.module';
import { LibraryGamesModule } from './library-games/library-games.module';

/** apps/download/migrations, found from this file both in the sources and in dist/ (the build copies it). */
export const DOWNLOAD_MIGRATIONS = process.env.DOWNLOAD_MIGRATIONS_DIR ?? join(__dirname, '..', '..', 'migrations');

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'download', readiness: [DatabaseHealthIndicator], downstreams: [LibraryHealthIndicator] }),
    ResilienceModule.forRoot({ service: 'download' }),
    // Read when the module starts, not when this file loads, so a test can set DOWNLOAD_DATA_DIR first.
    // DOWNLOAD_DATA_DIR: where PGlite keeps its files when DATABASE_URL is unset (`memory://` keeps none).
    PersistenceModule.forRootAsync({ useFactory: () => ({ service: 'download', schema, migrationsFolder: DOWNLOAD_MIGRATIONS, dataDir: process.env.DOWNLOAD_DATA_DIR || undefined }) }),
    LibraryClientModule,
    DownloadsModule,
    LibraryGamesModule,
  ],
})
export class AppModule {}
