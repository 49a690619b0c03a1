export { PlatformModule } from './platform.module';
export {
  OPTIONS_TYPE as PLATFORM_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE as PLATFORM_ASYNC_OPTIONS_TYPE,
} from './platform.module-definition';
export type {
  PlatformModuleOptions,
  HealthCheckable,
  HealthIndicatorRef,
  StatusContributor,
} from './platform-options.interface';
export { PLATFORM_OPTIONS, IS_PUBLIC_KEY, ROLES_KEY } from './platform.constants';
export { serviceVersion } from './config/service.config';

export { createService } from './bootstrap/create-service';
export { bootstrapService } from './bootstrap/bootstrap-service';
export type { ServiceOptions } from './bootstrap/service-options.interface';

export { JwtAuthGuard } from './auth/jwt-auth.guard';
export { RolesGuard } from './auth/roles.guard';
export { JwtVerifier, JWT_CONFIG } from './auth/jwt-verifier.service';
export { resolveJwtConfig } from './auth/jwt.config';
export type { JwtConfig, JwtKeySource } from './auth/jwt.config';
export { BearerAuthError } from './auth/bearer-auth.error';
export { CurrentUser } from './auth/current-user.decorator';
export { Roles } from './auth/roles.decorator';
export { rolesSetting, resolveRolesSetting } from './auth/roles.settings';
export type { RolesSetting } from './auth/roles.settings';
export { Public } from './auth/public.decorator';
export { DEV_JWT_SECRET } from './auth/dev-secret.constants';

export { ProblemDetailsFilter } from './errors/problem-details.filter';
export { toProblem } from './errors/problem-details.mapper';
export type { ProblemBody, MappedProblem } from './errors/problem-details.mapper';
export { ProblemDetailsDto } from './errors/problem-details.dto';
export { ApiProblemResponses } from './errors/api-problem-response.decorator';
export { RequestValidationError } from './errors/request-validation.error';
export { KeelValidationPipe } from './validation/validation.pipe';
export { screenInput, MAX_INPUT_DEPTH } from './validation/input-screen';
export { IsInt32, isInt32, INT32_MIN, INT32_MAX } from './validation/is-int32.decorator';
export { IdempotencyKey, readIdempotencyKey, IDEMPOTENCY_KEY_MAX_LENGTH } from './validation/idempotency-key.decorator';

export { ShutdownCoordinator } from './shutdown/shutdown-coordinator.service';
export { TracingService } from './tracing/tracing.service';
export { healthKeyOf } from './health/health-checks.registry';
export { HTTP_DURATION_BUCKETS, UNMATCHED_ROUTE } from './metrics/http-metrics.hooks';
export { PLATFORM_METRIC_NAMES } from './metrics/platform-metric-names.constants';
export { parseDuration, parseByteSize, parsePort } from './config/env.util';

// Re-exported so an app's health indicators need no direct terminus import for their types.
export { HealthIndicatorService } from '@nestjs/terminus';
export type { HealthIndicatorResult } from '@nestjs/terminus';
export type { AuthenticatedUser } from '@keel/context';
export { CursorPageQuery } from './validation/cursor-page.query';
export {
  decodePageCursor,
  encodePageCursor,
  UUID_PATTERN,
  KEY_PATTERN,
  INVALID_CURSOR_MESSAGE,
} from './validation/page-cursor';
export type { PageCursor } from './validation/page-cursor';
