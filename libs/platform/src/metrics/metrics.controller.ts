import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { register } from 'prom-client';
import { Public } from '../auth/public.decorator';
import { ensureDefaultMetrics } from './default-metrics';

/** `/metrics` for Prometheus, outside the /api prefix; prom-client's default registry. */
@ApiTags('observability')
@Public()
@Controller({ version: VERSION_NEUTRAL })
export class MetricsController {
  constructor() {
    ensureDefaultMetrics(register);
  }

  @Get('metrics')
  @Header('content-type', register.contentType)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @ApiProduces(register.contentType)
  @ApiOkResponse({ description: 'Process, HTTP server and downstream metrics', schema: { type: 'string' } })
  metrics(): Promise<string> {
    return register.metrics();
  }
}
