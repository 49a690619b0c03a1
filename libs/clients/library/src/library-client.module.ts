import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { LibraryClient } from './library.client';
import { LIBRARY } from './library.constants';
import { LibraryHealthIndicator } from './library.health';

/**
 * The library service's client. Configured by `LIBRARY_SERVICE_*`; needs `ResilienceModule.forRoot()`
 * in the app. The contract expects the end user's own token, so this client forwards it.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    provideHttpClient(LIBRARY, { forwardAuth: true, healthPath: '/health' }),
    LibraryClient,
    LibraryHealthIndicator,
  ],
  exports: [LibraryClient, LibraryHealthIndicator],
})
export class LibraryClientModule {}
