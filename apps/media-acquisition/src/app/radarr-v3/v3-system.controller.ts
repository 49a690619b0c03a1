import { Body, Controller, Get, HttpCode, Post, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { serviceVersion } from '@keel/platform';
import { RSS_SYNC_JOB } from '../jobs/job.names';
import { ScheduledJobsService } from '../jobs/scheduled-jobs.service';
import { isProduction } from '../app.config';
import { RadarrBodyPipe } from './radarr-body.pipe';
import { CommandV3Dto } from './radarr-v3.dto';
import { RadarrV3Api } from './radarr-v3.decorators';
import { V3PageQuery, V3Query } from './radarr-v3.query';
import { RadarrV3Service } from './radarr-v3.service';

const STARTED = new Date();

/** Radarr's `/api/v3` system, settings, activity and command routes that its clients read. */
@RadarrV3Api()
@Controller({ path: 'v3', version: VERSION_NEUTRAL })
export class V3SystemController {
  private commandNo = 0;

  constructor(
    private readonly v3: RadarrV3Service,
    private readonly jobs: ScheduledJobsService,
  ) {}

  @Get('system/status')
  @ApiOperation({ summary: 'What a client’s “test connection” reads' })
  status(@Query() _query: V3Query) {
    return {
      appName: 'Keel',
      instanceName: 'media-acquisition',
      version: serviceVersion({}),
      buildTime: STARTED.toISOString(),
      startTime: STARTED.toISOString(),
      isDebug: false,
      isProduction: isProduction(),
      isAdmin: false,
      isUserInteractive: false,
      isNetCore: false,
      isLinux: process.platform === 'linux',
      isOsx: process.platform === 'darwin',
      isWindows: process.platform === 'win32',
      isDocker: false,
      branch: 'main',
      authentication: 'external',
      migrationVersion: 0,
      urlBase: '',
      runtimeName: 'node',
      runtimeVersion: process.versions.node,
    };
  }

  @Get('qualityprofile')
  qualityProfiles(@Query() _query: V3Query) {
    return this.v3.qualityProfiles();
  }

  @Get('rootfolder')
  rootFolders(@Query() _query: V3Query) {
    return this.v3.rootFolders();
  }

  @Get('tag')
  @ApiOperation({ summary: 'Tags are not supported: always empty' })
  tags(@Query() _query: V3Query) {
    return [];
  }

  @Get('queue')
  queue(@Query() query: V3PageQuery) {
    return this.v3.queue(query.page ?? 1, query.pageSize ?? 20);
  }

  @Get('history')
  history(@Query() query: V3PageQuery) {
    return this.v3.historyPage(query.page ?? 1, query.pageSize ?? 20, query.movieIds);
  }

  @Post('command')
  @HttpCode(201)
  @ApiOperation({
    summary:
      '`MoviesSearch` (movieIds), `MissingMoviesSearch` (every monitored wanted movie), ' +
      '`RssSync` (every indexer’s feed of new releases): they run in the background',
  })
  async command(@Body(new RadarrBodyPipe(CommandV3Dto)) raw: Record<string, unknown>, @Query() _query: V3Query) {
    const body = raw as unknown as CommandV3Dto;
    let message: string;
    if (body.name === 'RssSync') {
      void this.jobs.runNow(RSS_SYNC_JOB);
      message = 'RSS sync started';
    } else {
      const movieIds = body.name === 'MoviesSearch' ? (body.movieIds ?? []) : undefined;
      message = `Searching ${await this.v3.searchMovies(movieIds)} movie(s)`;
    }
    const now = new Date().toISOString();
    return {
      id: ++this.commandNo,
      name: body.name,
      commandName: body.name,
      message,
      body: { name: body.name, sendUpdatesToClient: false, trigger: 'manual' },
      priority: 'normal',
      status: 'started',
      result: 'unknown',
      queued: now,
      started: now,
      trigger: 'manual',
      stateChangeTime: now,
      sendUpdatesToClient: false,
      updateScheduledTask: false,
    };
  }
}
