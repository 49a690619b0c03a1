import { ConflictException, Controller, Get, HttpCode, NotFoundException, Optional, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PolicyRegistry } from '@keel/resilience';
import type { PolicySnapshot, ResiliencePipeline } from '@keel/resilience';
import { Roles } from '../auth/roles.decorator';
import { ApiProblemResponses } from '../errors/api-problem-response.decorator';
import { CircuitSnapshotDto } from './circuit-snapshot.dto';

/**
 * Operator controls over the circuit breakers, e.g. isolating a downstream during its maintenance.
 * With `REDIS_URL`, reset and isolate act on every replica of the service.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiProblemResponses({ status: 401, description: 'Missing or invalid bearer token' })
@Controller('admin/circuits')
export class CircuitsController {
  constructor(@Optional() private readonly policies?: PolicyRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Every circuit and its state' })
  @ApiOkResponse({ type: [CircuitSnapshotDto] })
  list(): PolicySnapshot[] {
    return this.policies?.snapshot() ?? [];
  }

  @Post(':name/reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the circuit: ends an isolation or forgets a trip' })
  @ApiParam({ name: 'name', example: 'library' })
  @ApiOkResponse({ type: CircuitSnapshotDto })
  @ApiProblemResponses(
    { status: 404, description: 'No policy of that name' },
    { status: 409, description: 'The policy has no circuit breaker' },
  )
  async reset(@Param('name') name: string): Promise<PolicySnapshot> {
    const pipeline = this.circuitOf(name);
    await pipeline.resetCircuit();
    return snapshotOf(pipeline);
  }

  @Post(':name/isolate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hold the circuit open until reset; calls fail fast with 503' })
  @ApiParam({ name: 'name', example: 'library' })
  @ApiOkResponse({ type: CircuitSnapshotDto })
  @ApiProblemResponses(
    { status: 404, description: 'No policy of that name' },
    { status: 409, description: 'The policy has no circuit breaker' },
  )
  async isolate(@Param('name') name: string): Promise<PolicySnapshot> {
    const pipeline = this.circuitOf(name);
    await pipeline.isolateCircuit();
    return snapshotOf(pipeline);
  }

  private circuitOf(name: string): ResiliencePipeline {
    if (!this.policies) throw new NotFoundException(`no policy named ${name}`);
    const pipeline = this.policies.require(name);
    if (!pipeline.hasCircuit) throw new ConflictException(`policy ${name} has no circuit breaker`);
    return pipeline;
  }
}

function snapshotOf(pipeline: ResiliencePipeline): PolicySnapshot {
  return {
    name: pipeline.name,
    state: pipeline.circuitState,
    hasCircuit: pipeline.hasCircuit,
    retryAfterMs: pipeline.circuitRetryAfterMs(),
  };
}
