import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import { RssSyncService } from '../rss/rss-sync.service';
import { RSS_SYNC_JOB } from './job.names';
import { ScheduledJobsService } from './scheduled-jobs.service';

/** RSS sync every MEDIA_RSS_SYNC_INTERVAL (15 min), once per interval for the whole fleet; commands run it at once. */
@Injectable()
export class RssSyncJob implements OnModuleInit {
  constructor(
    private readonly jobs: ScheduledJobsService,
    private readonly rss: RssSyncService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: RSS_SYNC_JOB, intervalMs: this.config.rssSyncIntervalMs, run: () => this.run() });
  }

  private async run(): Promise<string> {
    const report = await this.rss.sync();
    const failed = report.failedIndexers > 0 ? ` (${report.failedIndexers} failed)` : '';
    return (
      `${report.indexers} feeds${failed}, ${report.releases} releases, ` +
      `${report.matched} movie(s) matched, ${report.grabbed} grabbed`
    );
  }
}
