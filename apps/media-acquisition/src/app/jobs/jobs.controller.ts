import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Roles } from '@keel/platform';
import { MEDIA_WRITE } from '../auth/media-write.roles';
import { JobNameParam } from './dto/job-name.param';
import { JobRunResponse } from './dto/job-run.response';
import { ScheduledJobsService } from './scheduled-jobs.service';

/** Runs a scheduled job now, as Radarr's `RssSync` and `MissingMoviesSearch` commands do. */
@ApiTags('jobs')
@ApiBearerAuth()
@ApiProblemResponses({ status: 401, description: 'Missing, invalid or expired token' })
@Controller({ path: 'jobs', version: '1' })
export class JobsController {
  constructor(private readonly jobs: ScheduledJobsService) {}

  @Post(':name/run')
  @HttpCode(202)
  @Roles(MEDIA_WRITE)
  @ApiOperation({
    summary: 'Runs `rss-sync` or `missing-search` now, in the background',
    description:
      'It counts as the job’s latest run (the next scheduled one comes an interval ' +
      'later). Its result shows in `/api/system/status` under `jobs` (`lastResultHere`, ' +
      '`runsHere`)',
  })
  @ApiAcceptedResponse({ type: JobRunResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Not a job name' },
    { status: 403, description: 'The caller lacks a write role (MEDIA_WRITE_ROLES)' },
  )
  run(@Param() { name }: JobNameParam): JobRunResponse {
    const status = this.jobs.isRunning(name) ? 'running' : 'started';
    void this.jobs.runNow(name);
    return { name, status };
  }
}
