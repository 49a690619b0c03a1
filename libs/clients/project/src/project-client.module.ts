import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { ProjectClient } from './project.client';
import { PROJECT } from './project.constants';
import { ProjectHealthIndicator } from './project.health';

/**
 * The project service's client. Configured by `PROJECT_SERVICE_*`; needs `ResilienceModule.forRoot()`
 * in the app. The service decides access per user, so this client forwards the caller's token. Its
 * liveness path is the platform's `/api/health/live`.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    provideHttpClient(PROJECT, { forwardAuth: true, propagateDeadline: true, healthPath: '/api/health/live' }),
    ProjectClient,
    ProjectHealthIndicator,
  ],
  exports: [ProjectClient, ProjectHealthIndicator],
})
export class ProjectClientModule {}
