import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ResilienceModule, providePolicy } from '@keel/resilience';
import { PlatformModule } from '../platform.module';
import { ContextProbeService } from './context-probe.service';
import { DatabaseHealthIndicator, LibraryHealthIndicator } from './fake-health.indicators';
import { FixtureController } from './fixture.controller';
import { InputController } from './input.controller';
import { RolesFixtureController } from './roles-fixture.controller';
import { LifecycleProbe } from './lifecycle-probe.service';

/** A small Keel service for the platform's integration specs. */
@Module({
  imports: [
    ResilienceModule.forRoot({ policies: { library: { retry: false }, plain: { breaker: false } } }),
    PlatformModule.forRoot({
      service: 'platform-fixture',
      version: '1.2.3',
      readiness: [DatabaseHealthIndicator],
      downstreams: [LibraryHealthIndicator],
    }),
    TerminusModule,
  ],
  controllers: [FixtureController, InputController, RolesFixtureController],
  // Building the policies is what a client would do; the admin endpoints need them to exist.
  providers: [
    ContextProbeService,
    LifecycleProbe,
    DatabaseHealthIndicator,
    LibraryHealthIndicator,
    providePolicy('library'),
    providePolicy('plain'),
  ],
})
export class TestAppModule {}
