import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { UserClient } from './user.client';
import { USER } from './user.constants';
import { UserHealthIndicator } from './user.health';

/**
 * The user service's client. Configured by `USER_SERVICE_*`; needs `ResilienceModule.forRoot()` in
 * the app. The contract expects the end user's own token, so this client forwards it.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [provideHttpClient(USER, { forwardAuth: true, healthPath: '/health' }), UserClient, UserHealthIndicator],
  exports: [UserClient, UserHealthIndicator],
})
export class UserClientModule {}
