import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { StatusContributor } from '@keel/platform';
import { JobLeaseRepository, JobLeaseService } from '../leases';

export interface ScheduledJob {
  name: string;
  /** 0 turns the job off. */
  intervalMs: number;
  run(): Promise<string>;
}

interface JobState {
  job: ScheduledJob;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  lastResult?: string;
}

/** How often a replica asks whether a job is due: a tenth of its interval, between 1 s and 1 min. */
const checkEveryMs = (intervalMs: number) => Math.min(60_000, Math.max(1_000, Math.floor(intervalMs / 10)));

/**
 * Runs periodic jobs once per interval across the fleet: each replica asks now and then whether a job
 * is due, and the one whose `claimRun` succeeds runs it (a row of `job_leases`, on the database's
 * clock, so it works on PGlite and Postgres alike). The `jobs` section of `/api/system/status` shows
 * each job's last and next run and who ran it last.
 */
@Injectable()
export class ScheduledJobsService implements OnApplicationBootstrap, OnApplicationShutdown, StatusContributor {
  private readonly logger = new Logger(ScheduledJobsService.name);
  private readonly jobs = new Map<string, JobState>();
  private stopped = false;

  constructor(
    private readonly leases: JobLeaseRepository,
    private readonly service: JobLeaseService,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.set(job.name, { job });
  }

  onApplicationBootstrap(): void {
    for (const state of this.jobs.values()) {
      if (state.job.intervalMs <= 0) continue;
      state.timer = setInterval(() => void this.tick(state), checkEveryMs(state.job.intervalMs));
      state.timer.unref();
      void this.tick(state);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const state of this.jobs.values()) clearInterval(state.timer);
    await Promise.all([...this.jobs.values()].map((state) => state.running));
  }

  async status(): Promise<unknown> {
    const jobs = await Promise.all(
      [...this.jobs.values()].map(async ({ job, lastResult }) => {
        const row = job.intervalMs > 0 ? await this.leases.find(`job:${job.name}`) : undefined;
        return {
          name: job.name,
          intervalMs: job.intervalMs,
          enabled: job.intervalMs > 0,
          ...(row ? { lastRun: row.acquiredAt.toISOString(), nextRun: row.expiresAt.toISOString(), lastRunBy: row.holder } : {}),
          ...(lastResult ? { lastResultHere: lastResult } : {}),
        };
      }),
    );
    return jobs;
  }

  private async tick(state: JobState): Promise<void> {
    if (this.stopped || state.running) return;
    try {
      const claimed = await this.leases.claimRun(`job:${state.job.name}`, this.service.holder, state.job.intervalMs);
      if (!claimed) return;
    } catch (error) {
      this.logger.warn({ msg: 'could not ask whether a job is due', job: state.job.name, error: (error as Error).message });
      return;
    }
    state.running = state.job
      .run()
      .then(
        (result) => {
          state.lastResult = result;
          this.logger.log({ msg: 'scheduled job ran', job: state.job.name, result });
        },
        (error: Error) => {
          state.lastResult = `failed: ${error.message}`;
          this.logger.warn({ msg: 'scheduled job failed', job: state.job.name, error: error.message });
        },
      )
      .finally(() => (state.running = undefined));
    await state.running;
  }
}
