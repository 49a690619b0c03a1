import { Module } from '@nestjs/common';
import { DownstreamModule } from '@keel/clients-core';
import { ProjectClient } from './project.client';
import { PROJECT } from './project.constants';

/**
 * The project service's client. Configured by `PROJECT_SERVICE_*`; needs `ResilienceModule.forRoot()`
 * in the app. The service decides access per user, so this client forwards the caller's token. Its
 * liveness path is the platform's `/api/health/live`; its health indicator `downstreamHealth(PROJECT)`.
 */
@Module({
  imports: [
    DownstreamModule.register({
      name: PROJECT,
      forwardAuth: true,
      propagateDeadline: true,
      healthPath: '/api/health/live',
    }),
  ],
  providers: [ProjectClient],
  exports: [ProjectClient, DownstreamModule],
})
export class ProjectClientModule {}
