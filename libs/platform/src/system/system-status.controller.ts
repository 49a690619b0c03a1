import { Controller, Get, Inject, Optional, VERSION_NEUTRAL } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicyRegistry } from '@keel/resilience';
import { Public } from '../auth/public.decorator';
import { serviceVersion } from '../config/service.config';
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
    private readonly moduleRef: ModuleRef,
    // Absent when the app has no ResilienceModule: it then reports no circuits.
    @Optional() private readonly policies?: PolicyRegistry,
  ) {
    this.version = serviceVersion(options);
  }

  @Get('status')
  @ApiOperation({
    summary: 'Version, uptime, memory, circuit-breaker states and rate-limit usage, plus any section the service adds',
  })
  @ApiOkResponse({ type: SystemStatusDto })
  async status(): Promise<SystemStatusDto> {
    const { rss, heapUsed } = process.memoryUsage();
    const sections = await Promise.all(
      Object.entries(this.options.status ?? {}).map(
        async ([key, type]) => [key, await this.moduleRef.get(type, { strict: false }).status()] as const,
      ),
    );
    return {
      ...Object.fromEntries(sections),
      service: this.options.service,
      version: this.version,
      uptimeSeconds: Math.round(process.uptime()),
      memory: { rssBytes: rss, heapUsedBytes: heapUsed },
      circuits: this.policies?.snapshot() ?? [],
    };
  }
}
