import { join } from 'node:path';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { JobLease } from './job-lease';
import { JobLeaseRepository } from './job-lease.repository';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 3_600_000;

describeOnEachDatabase('job leases', { schema, migrationsFolder: MIGRATIONS, freshPer: 'test' }, (bed) => {
  let leases: JobLeaseRepository;

  beforeEach(() => {
    leases = new JobLeaseRepository(bed.db as never);
  });

  it('acquires a free lease, with an expiry on the database clock', async () => {
    // Act
    const taken = await leases.acquire('monitor', 'a', HOUR);
    const seen = await leases.find('monitor');

    // Assert
    expect(taken).toMatchObject({ name: 'monitor', holder: 'a' });
    expect(seen).toMatchObject({ holder: 'a', live: true });
    expect(taken!.expiresAt.getTime() - taken!.acquiredAt.getTime()).toBe(HOUR);
  });

  it('renews for its holder: a later expiry, the same acquisition time', async () => {
    // Arrange
    const first = await leases.acquire('monitor', 'a', 60_000);
    await sleep(5);

    // Act
    const renewed = await leases.acquire('monitor', 'a', HOUR);

    // Assert
    expect(renewed!.holder).toBe('a');
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(first!.expiresAt.getTime());
    expect(renewed!.acquiredAt).toEqual(first!.acquiredAt);
  });

  it('refuses another holder before the expiry', async () => {
    // Arrange
    await leases.acquire('monitor', 'a', HOUR);

    // Act
    const stolen = await leases.acquire('monitor', 'b', HOUR);

    // Assert
    expect(stolen).toBeUndefined();
    expect(await leases.find('monitor')).toMatchObject({ holder: 'a', live: true });
  });

  it('lets another holder take it over once it has expired', async () => {
    // Arrange
    await leases.acquire('monitor', 'a', 1);
    await sleep(20);

    // Act
    const taken = await leases.acquire('monitor', 'b', HOUR);
    const late = await leases.acquire('monitor', 'a', HOUR);

    // Assert
    expect(taken).toMatchObject({ holder: 'b' });
    expect(late).toBeUndefined();
    expect(await leases.find('monitor')).toMatchObject({ holder: 'b', live: true });
  });

  it('releases only for its holder; a released lease is free at once', async () => {
    // Arrange
    await leases.acquire('monitor', 'a', HOUR);

    // Act
    const byOther = await leases.release('monitor', 'b');
    const byHolder = await leases.release('monitor', 'a');
    const taken = await leases.acquire('monitor', 'b', HOUR);

    // Assert
    expect(byOther).toBe(false);
    expect(byHolder).toBe(true);
    expect(taken).toMatchObject({ holder: 'b' });
  });

  it('keeps leases of different names apart', async () => {
    // Act
    const monitor = await leases.acquire('monitor', 'a', HOUR);
    const rss = await leases.acquire('rss-sync', 'b', HOUR);

    // Assert
    expect(monitor).toMatchObject({ holder: 'a' });
    expect(rss).toMatchObject({ holder: 'b' });
  });

  it('gives a free lease to exactly one of many replicas racing for it', async () => {
    // Act
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => leases.acquire('monitor', `r${i}`, HOUR)));

    // Assert
    const winners = answers.filter((row) => row !== undefined);
    expect(winners).toHaveLength(1);
    expect(await leases.find('monitor')).toMatchObject({ holder: winners[0]!.holder });
  });

  const INTERVAL = 3000;

  it('claimRun: one run per interval for the whole fleet, even for the replica that ran it last', async () => {
    // Act
    // The interval is long enough that a loaded machine still races inside it; the late claim waits
    // for the winner's own expiry rather than a fixed sleep.
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) => leases.claimRun('job:missing-search', `r${i}`, INTERVAL)),
    );
    const winner = racing.find((row) => row !== undefined)!;
    const sameHolderTooSoon = await leases.claimRun('job:missing-search', winner.holder, INTERVAL);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, winner.expiresAt.getTime() - Date.now()) + 50));
    const next = await leases.claimRun('job:missing-search', 'late', INTERVAL);

    // Assert
    expect(racing.filter((row) => row !== undefined)).toHaveLength(1);
    expect(sameHolderTooSoon).toBeUndefined();
    expect(next).toMatchObject({ holder: 'late' });
    expect(next!.acquiredAt.getTime()).toBeGreaterThanOrEqual(winner.expiresAt.getTime());
  });

  it('recordRun: a run on request counts as latest, and pushes the next scheduled claim an interval on', async () => {
    // Arrange
    await leases.claimRun('job:rss-sync', 'scheduler', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Act
    const recorded = await leases.recordRun('job:rss-sync', 'commanded', 60_000);
    const scheduledClaim = await leases.claimRun('job:rss-sync', 'scheduler', 60_000);

    // Assert
    expect(recorded).toMatchObject({ holder: 'commanded' });
    expect(recorded.expiresAt.getTime() - recorded.acquiredAt.getTime()).toBe(60_000);
    expect(scheduledClaim).toBeUndefined();
    expect(await leases.find('job:rss-sync')).toMatchObject({ holder: 'commanded', live: true });
  });

  it('JobLease: one replica holds it; the other takes over when renewal stops, or at once on a release', async () => {
    // Arrange
    const acquired: string[] = [];
    const a = new JobLease('monitor', 'a', 600, leases);
    const b = new JobLease('monitor', 'b', 600, leases);
    a.keep({ onAcquired: () => acquired.push('a') });
    await a.tryHold();
    b.keep({ onAcquired: () => acquired.push('b') });

    // Act: while `a` renews, `b` never gets it; then `a` dies without releasing (it stops renewing).
    await sleep(1_000);
    const whileRenewed = { a: a.held, b: b.held };
    await a.stop();
    const deadline = Date.now() + 5_000;
    while (!b.held && Date.now() < deadline) await sleep(10);
    const afterTakeover = { a: a.held, b: b.held };
    await b.release();
    const released = await leases.find('monitor');
    const retaken = await a.tryHold();

    // Assert
    expect(whileRenewed).toEqual({ a: true, b: false });
    expect(afterTakeover).toEqual({ a: false, b: true });
    expect(acquired).toEqual(['a', 'b']);
    expect(released).toBeUndefined();
    expect(retaken).toBe(true);
    await a.release();
  });
});
