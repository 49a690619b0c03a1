import { Controller, Get, Inject, Optional, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicyRegistry } from '@keel/resilience';
import { Public } from '../auth/public.decorator';
import { serviceVersion } from '../platform-options.interface';
import type { PlatformModuleOptions } from '../platform-options.interface';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { SystemStatusDto } from './system-status.dto';

@ApiTags('system')
@Public()
@Controller({ path: 'system', version: VERSION_NEUTRAL })
export class SystemStatusController {
  private readonly version: string;

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformModuleOptions,
    // Absent when the app has no ResilienceModule: it then reports no circuits.
    @Optional() private readonly policies?: PolicyRegistry,
  ) {
    this.version = serviceVersion(options);
  }

  @Get('status')
  @ApiOperation({ summary: 'Version, uptime, memory and circuit-breaker states' })
  @ApiOkResponse({ type: SystemStatusDto })
  status(): SystemStatusDto {
    const { rss, heapUsed } = process.memoryUsage();
    return {
      service: this.options.service,
      version: this.version,
      uptimeSeconds: Math.round(process.uptime()),
      memory: { rssBytes: rss, heapUsedBytes: heapUsed },
      circuits: this.policies?.snapshot() ?? [],
    };
  }
}
