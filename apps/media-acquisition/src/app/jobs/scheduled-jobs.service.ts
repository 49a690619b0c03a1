import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '@keel/context';
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
  running?: Promise<string>;
  lastResult?: string;
  /** Runs finished on this replica, scheduled or asked for. */
  runs: number;
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
    this.jobs.set(job.name, { job, runs: 0 });
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
      [...this.jobs.values()].map(async ({ job, lastResult, runs }) => {
        const row = job.intervalMs > 0 ? await this.leases.find(`job:${job.name}`) : undefined;
        return {
          name: job.name,
          intervalMs: job.intervalMs,
          enabled: job.intervalMs > 0,
          ...(row
            ? { lastRun: row.acquiredAt.toISOString(), nextRun: row.expiresAt.toISOString(), lastRunBy: row.holder }
            : {}),
          runsHere: runs,
          ...(lastResult ? { lastResultHere: lastResult } : {}),
        };
      }),
    );
    return jobs;
  }

  isRunning(name: string): boolean {
    return this.jobs.get(name)?.running !== undefined;
  }

  /**
   * Runs `name` now on this replica, because a command asked (Radarr's `RssSync`), and resolves with
   * the run's result; if it is running here already, with that run's. It runs outside the caller's
   * request, so the request's deadline does not cut it short, and it counts as the job's latest run:
   * the next scheduled one comes an interval later, as a manual Radarr command resets its task.
   */
  runNow(name: string): Promise<string> {
    const state = this.jobs.get(name);
    if (!state) return Promise.reject(new Error(`No scheduled job named ${name}`));
    if (state.running) return state.running;
    return RequestContext.run({ requestId: `job:${name}` }, async () => {
      if (state.job.intervalMs > 0) {
        await this.leases
          .recordRun(`job:${name}`, this.service.holder, state.job.intervalMs)
          .catch((error: Error) =>
            this.logger.warn({ msg: 'could not record a run on request', job: name, error: error.message }),
          );
      }
      return state.running ?? this.start(state);
    });
  }

  private async tick(state: JobState): Promise<void> {
    if (this.stopped || state.running) return;
    try {
      const claimed = await this.leases.claimRun(`job:${state.job.name}`, this.service.holder, state.job.intervalMs);
      if (!claimed) return;
    } catch (error) {
      this.logger.warn({
        msg: 'could not ask whether a job is due',
        job: state.job.name,
        error: (error as Error).message,
      });
      return;
    }
    if (!state.running) await this.start(state);
  }

  /** Runs the job once; a failure is its result, logged, never thrown. */
  private start(state: JobState): Promise<string> {
    const running = state.job
      .run()
      .then(
        (result) => {
          this.logger.log({ msg: 'scheduled job ran', job: state.job.name, result });
          return result;
        },
        (error: Error) => {
          this.logger.warn({ msg: 'scheduled job failed', job: state.job.name, error: error.message });
          return `failed: ${error.message}`;
        },
      )
      .then((result) => {
        state.lastResult = result;
        state.runs++;
        state.running = undefined;
        return result;
      });
    state.running = running;
    return running;
  }
}
