import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { ProwlarrClient } from './prowlarr.client';
import { PROWLARR, PROWLARR_API_KEY } from './prowlarr.constants';
import { ProwlarrHealthIndicator } from './prowlarr.health';
import { prowlarrApiKey } from './prowlarr.settings';

/**
 * Prowlarr's client. Configured by `PROWLARR_SERVICE_*` and `PROWLARR_API_KEY`; needs
 * `ResilienceModule.forRoot()` in the app. Prowlarr counts queries against its indexers' own limits,
 * so the client defaults to 60 calls a minute and a breaker that rests for a minute.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    provideHttpClient(PROWLARR, {
      healthPath: '/ping',
      defaults: { rateLimit: '60/1m', circuitBreakerMaxFails: 5, circuitBreakerTimeout: '60s' },
    }),
    // Read when the module starts, not at import, so tests and config loaders can set it first.
    { provide: PROWLARR_API_KEY, useFactory: () => prowlarrApiKey() },
    ProwlarrClient,
    ProwlarrHealthIndicator,
  ],
  exports: [ProwlarrClient, ProwlarrHealthIndicator],
})
export class ProwlarrClientModule {}
