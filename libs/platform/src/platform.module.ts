import { Module, Scope } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { CircuitsController } from './admin/circuits.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { JWT_CONFIG, JwtVerifier } from './auth/jwt-verifier.service';
import { resolveJwtConfig } from './auth/jwt.config';
import { RolesGuard } from './auth/roles.guard';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './health/health.controller';
import { HealthChecksRegistry } from './health/health-checks.registry';
import { SharedStateHealthIndicator } from './health/shared-state.health';
import { loggerOptions } from './logging/logger.options';
import { RequestPinoLogger } from './logging/request-log.store';
import { MetricsController } from './metrics/metrics.controller';
import { ConfigurableModuleClass } from './platform.module-definition';
import { ShutdownCoordinator } from './shutdown/shutdown-coordinator.service';
import { SystemStatusController } from './system/system-status.controller';
import { TracingService } from './tracing/tracing.service';
import { KeelValidationPipe } from './validation/validation.pipe';

/**
 * `PlatformModule.forRoot({ service, version, readiness, downstreams })`, global: logging, health,
 * metrics, auth, validation and problem+json for the whole app. Pair it with `createService()`,
 * which wires what lives on the Fastify instance (hooks, prefix, versioning, Swagger).
 */
@Module({
  imports: [
    // Async so that LOG_LEVEL is read when the app is created, not when AppModule is imported.
    // RequestPinoLogger replaces PinoLogger (a later provider of the same token wins): the request's
    // logger comes from our request context, and nestjs-pino's own AsyncLocalStorage stays unused.
    LoggerModule.forRootAsync({
      useFactory: () => loggerOptions(),
      providers: [{ provide: PinoLogger, useClass: RequestPinoLogger, scope: Scope.TRANSIENT }],
    }),
    // Failed checks are reported in the response; terminus's own console logger would bypass pino.
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [HealthController, SystemStatusController, CircuitsController, MetricsController],
  providers: [
    { provide: JWT_CONFIG, useFactory: () => resolveJwtConfig() },
    JwtVerifier,
    HealthChecksRegistry,
    SharedStateHealthIndicator,
    ShutdownCoordinator,
    TracingService,
    // Guards run in this order: authenticate, then check roles.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useClass: KeelValidationPipe },
  ],
  exports: [JwtVerifier, ShutdownCoordinator, TracingService, TerminusModule],
})
export class PlatformModule extends ConfigurableModuleClass {}
