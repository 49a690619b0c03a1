import { Module } from '@nestjs/common';
import { DownstreamModule } from '@keel/clients-core';
import { LibraryClient } from './library.client';
import { LIBRARY } from './library.constants';

/**
 * The library service's client. Configured by `LIBRARY_SERVICE_*`; needs `ResilienceModule.forRoot()`
 * in the app. The contract expects the end user's own token, so this client forwards it. Its health
 * indicator is `downstreamHealth(LIBRARY)`.
 */
@Module({
  imports: [DownstreamModule.register({ name: LIBRARY, forwardAuth: true, healthPath: '/health' })],
  providers: [LibraryClient],
  exports: [LibraryClient, DownstreamModule],
})
export class LibraryClientModule {}
