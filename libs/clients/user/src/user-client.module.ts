import { Module } from '@nestjs/common';
import { DownstreamModule } from '@keel/clients-core';
import { UserClient } from './user.client';
import { USER } from './user.constants';

/**
 * The user service's client. Configured by `USER_SERVICE_*`; needs `ResilienceModule.forRoot()` in
 * the app. The contract expects the end user's own token, so this client forwards it. Its health
 * indicator is `downstreamHealth(USER)`.
 */
@Module({
  imports: [DownstreamModule.register({ name: USER, forwardAuth: true, healthPath: '/health' })],
  providers: [UserClient],
  exports: [UserClient, DownstreamModule],
})
export class UserClientModule {}
