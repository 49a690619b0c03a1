import { Logger } from '@nestjs/common';
import type { JobLeaseRepository, JobLeaseService } from '../leases';
import { ScheduledJobsService } from './scheduled-jobs.service';
import type { ScheduledJob } from './scheduled-jobs.service';

function setup(claim: boolean | Error = true) {
  const leases = {
    claimRun: jest.fn(async () => {
      if (claim instanceof Error) throw claim;
      return claim ? { name: 'job:x' } : undefined;
    }),
    recordRun: jest.fn(async () => ({})),
    find: jest.fn(async () => ({
      name: 'job:rss-sync',
      holder: 'other:1:abcdef',
      acquiredAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2026-01-01T00:15:00Z'),
    })),
  };
  const jobs = new ScheduledJobsService(
    leases as unknown as JobLeaseRepository,
    { holder: 'me:1:000000' } as JobLeaseService,
  );
  return { jobs, leases };
}

function aJob(overrides: Partial<ScheduledJob> = {}): ScheduledJob & { run: jest.Mock } {
  return { name: 'rss-sync', intervalMs: 900_000, run: jest.fn(async () => '3 feeds'), ...overrides } as never;
}

describe(ScheduledJobsService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('runs a job on start-up when this replica claims its run, and not when another has', async () => {
    // Arrange
    const mine = setup(true);
    const theirs = setup(false);
    const [job, other] = [aJob(), aJob()];
    mine.jobs.register(job);
    theirs.jobs.register(other);

    // Act
    mine.jobs.onApplicationBootstrap();
    theirs.jobs.onApplicationBootstrap();
    await new Promise(setImmediate);
    await mine.jobs.onApplicationShutdown();
    await theirs.jobs.onApplicationShutdown();

    // Assert
    expect(mine.leases.claimRun).toHaveBeenCalledWith('job:rss-sync', 'me:1:000000', 900_000);
    expect(job.run).toHaveBeenCalledTimes(1);
    expect(other.run).not.toHaveBeenCalled();
  });

  it('never schedules a job whose interval is 0, nor shows a last run for it', async () => {
    // Arrange
    const { jobs, leases } = setup();
    const off = aJob({ intervalMs: 0 });
    jobs.register(off);

    // Act
    jobs.onApplicationBootstrap();
    const status = await jobs.status();
    await jobs.onApplicationShutdown();

    // Assert
    expect(off.run).not.toHaveBeenCalled();
    expect(leases.claimRun).not.toHaveBeenCalled();
    expect(status).toEqual([{ name: 'rss-sync', intervalMs: 0, enabled: false, runsHere: 0 }]);
  });

  it('runs a job now on request, records the run, and shares a run already in progress', async () => {
    // Arrange
    const { jobs, leases } = setup();
    let finish!: (result: string) => void;
    const job = aJob({ run: jest.fn(() => new Promise<string>((resolve) => (finish = resolve))) });
    jobs.register(job);

    // Act
    const first = jobs.runNow('rss-sync');
    await new Promise(setImmediate);
    const running = jobs.isRunning('rss-sync');
    const second = jobs.runNow('rss-sync');
    finish('2 grabbed');

    // Assert
    await expect(first).resolves.toBe('2 grabbed');
    await expect(second).resolves.toBe('2 grabbed');
    expect(running).toBe(true);
    expect(jobs.isRunning('rss-sync')).toBe(false);
    expect(job.run).toHaveBeenCalledTimes(1);
    expect(leases.recordRun).toHaveBeenCalledWith('job:rss-sync', 'me:1:000000', 900_000);
  });

  it('turns a failed run into its result, and shows the last result and runs in the status', async () => {
    // Arrange
    const { jobs } = setup();
    jobs.register(aJob({ run: jest.fn(async () => Promise.reject(new Error('Prowlarr is down'))) }));

    // Act
    const result = await jobs.runNow('rss-sync');
    const status = await jobs.status();

    // Assert
    expect(result).toBe('failed: Prowlarr is down');
    expect(status).toEqual([
      {
        name: 'rss-sync',
        intervalMs: 900_000,
        enabled: true,
        lastRun: '2026-01-01T00:00:00.000Z',
        nextRun: '2026-01-01T00:15:00.000Z',
        lastRunBy: 'other:1:abcdef',
        runsHere: 1,
        lastResultHere: 'failed: Prowlarr is down',
      },
    ]);
  });

  it('rejects a job it does not know, and skips a tick whose claim fails', async () => {
    // Arrange
    const { jobs } = setup(new Error('database down'));
    const job = aJob();
    jobs.register(job);

    // Act
    const unknown = await jobs.runNow('nope').catch((error: Error) => error);
    jobs.onApplicationBootstrap();
    await new Promise(setImmediate);
    await jobs.onApplicationShutdown();

    // Assert
    expect((unknown as Error).message).toBe('No scheduled job named nope');
    expect(job.run).not.toHaveBeenCalled();
  });
});
