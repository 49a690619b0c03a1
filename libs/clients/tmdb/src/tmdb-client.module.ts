import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { TmdbClient } from './tmdb.client';
import { TMDB, TMDB_API_KEY } from './tmdb.constants';
import { TmdbHealthIndicator } from './tmdb.health';
import { tmdbApiKey } from './tmdb.settings';

/**
 * TMDB's client. Configured by `TMDB_SERVICE_*` and `TMDB_API_KEY`; needs `ResilienceModule.forRoot()`
 * in the app. TMDB allows about 50 requests a second per IP; metadata lookups are rare (one per added
 * movie), so the default cap of 40 a second only guards against a runaway loop.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    // TMDB has one public address, so it is the default; `npm start` and the tests point it at the sandbox.
    provideHttpClient(TMDB, {
      healthPath: '/3/configuration',
      defaults: { url: 'https://api.themoviedb.org', rateLimit: '40/1s' },
    }),
    // Read when the module starts, not at import, so tests and config loaders can set it first.
    { provide: TMDB_API_KEY, useFactory: () => tmdbApiKey() },
    TmdbClient,
    TmdbHealthIndicator,
  ],
  exports: [TmdbClient, TmdbHealthIndicator],
})
export class TmdbClientModule {}
