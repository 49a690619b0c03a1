import { Module } from '@nestjs/common';
import { DownstreamModule, downstreamApiKeyProvider } from '@keel/clients-core';
import { ProwlarrClient } from './prowlarr.client';
import { PROWLARR, PROWLARR_API_KEY } from './prowlarr.constants';
import { prowlarrApiKey } from './prowlarr.settings';

/**
 * Prowlarr counts queries against its indexers' own limits, so the client defaults to 60 calls a
 * minute and a breaker that rests for a minute. `/ping` is anonymous, so the probe needs no key.
 */
const downstream = DownstreamModule.register({
  name: PROWLARR,
  healthPath: '/ping',
  defaults: { rateLimit: '60/1m', circuitBreakerMaxFails: 5, circuitBreakerTimeout: '60s' },
});

/**
 * Prowlarr's client. Configured by `PROWLARR_SERVICE_*` and `PROWLARR_API_KEY`, or in code by
 * `DownstreamConfigModule.forRoot({ prowlarr: { urls, settings: { apiKey } } })`; needs
 * `ResilienceModule.forRoot()` in the app. Exports the client and its downstream
 * (`downstreamHealth(PROWLARR)` for the health view).
 */
@Module({
  imports: [downstream],
  providers: [
    // Read when the module starts, not at import, so tests and config loaders can set it first.
    downstreamApiKeyProvider(PROWLARR_API_KEY, PROWLARR, () => prowlarrApiKey()),
    ProwlarrClient,
  ],
  exports: [ProwlarrClient, downstream],
})
export class ProwlarrClientModule {}
