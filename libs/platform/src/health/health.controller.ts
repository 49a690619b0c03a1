import { Controller, Get, Res, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorFunction } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ShutdownCoordinator } from '../shutdown/shutdown-coordinator.service';
import { HealthChecksRegistry } from './health-checks.registry';
import { ReadinessMetrics } from './readiness.metrics';

const SHUTTING_DOWN: HealthCheckResult = {
  status: 'error',
  info: {},
  error: { shutdown: { status: 'down', message: 'shutting down' } },
  details: { shutdown: { status: 'down', message: 'shutting down' } },
};

/**
 * Kubernetes probes and the detailed health view. The bodies keep terminus's shape (not
 * problem+json): a 503 here is a health report, not a failed request.
 */
@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  private readonly readiness = new ReadinessMetrics();

  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: HealthChecksRegistry,
    private readonly shutdown: ShutdownCoordinator,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: "Readiness: the service's own dependencies; 503 while shutting down. Downstreams never count.",
  })
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> | HealthCheckResult {
    if (this.shutdown.isShuttingDown) {
      reply.status(503);
      this.readiness.record(false);
      return SHUTTING_DOWN;
    }
    return this.report(reply, this.checks.readiness).then((result) => {
      this.readiness.record(result.status === 'ok');
      return result;
    });
  }

  // `/detailed` is the path operators of the services Keel replaces already poll.
  @Get(['', 'detailed'])
  @HealthCheck()
  @ApiOperation({ summary: 'Detailed health: own dependencies and every downstream (also at /api/health/detailed)' })
  details(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.report(reply, this.checks.all);
  }

  private async report(reply: FastifyReply, checks: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
