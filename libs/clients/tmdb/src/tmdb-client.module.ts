import { Module } from '@nestjs/common';
import { DownstreamModule, downstreamApiKeyProvider } from '@keel/clients-core';
import { TmdbClient } from './tmdb.client';
import { TMDB, TMDB_API_KEY } from './tmdb.constants';
import { tmdbApiKey } from './tmdb.settings';

/**
 * TMDB has no health endpoint: the probe asks `/3/configuration` without a key, and any answer below
 * 500 (TMDB's 401 included) proves it alive. Keeping the key off the probe means a health check can
 * never spend or leak it; a wrong key still shows, as failed calls in `errorRate`.
 * TMDB has one public address, so it is the default; `npm start` and the tests point it at the sandbox.
 * TMDB allows about 50 requests a second per IP; metadata lookups are rare (one per added movie), so
 * the default cap of 40 a second only guards against a runaway loop.
 */
const downstream = DownstreamModule.register({
  name: TMDB,
  healthPath: '/3/configuration',
  aliveBelow: 500,
  defaults: { url: 'https://api.themoviedb.org', rateLimit: '40/1s' },
});

/**
 * TMDB's client. Configured by `TMDB_SERVICE_*` and `TMDB_API_KEY`, or in code by
 * `DownstreamConfigModule.forRoot({ tmdb: { urls, settings: { apiKey } } })`; needs `ResilienceModule.forRoot()`
 * in the app. Exports the client and its downstream (`downstreamHealth(TMDB)` for the health view).
 */
@Module({
  imports: [downstream],
  providers: [
    // Read when the module starts, not at import, so tests and config loaders can set it first.
    downstreamApiKeyProvider(TMDB_API_KEY, TMDB, () => tmdbApiKey()),
    TmdbClient,
  ],
  exports: [TmdbClient, downstream],
})
export class TmdbClientModule {}
