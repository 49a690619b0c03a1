import { join } from 'node:path';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { downloads } from '../db/schema';
import type { DownloadRow } from '../db/schema';
import { DownloadsRepository } from './downloads.repository';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');
const T0 = new Date('2026-01-01T00:00:00.000Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const session = (n: number, overrides: Partial<DownloadRow> = {}): DownloadRow => ({
  id: id(n),
  userId: 'u1',
  gameId: `g${n}`,
  status: 'queued',
  bytesTotal: 1000,
  bytesDone: 0,
  idempotencyKey: null,
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

describeOnEachDatabase('DownloadsRepository', { schema, migrationsFolder: MIGRATIONS }, (bed) => {
  let repository: DownloadsRepository;

  // The bed keeps one database per driver for the file (each costs seconds); every test starts on an empty table.
  beforeEach(async () => {
    await bed.db.delete(downloads);
    repository = new DownloadsRepository(bed.db);
  });

  it('inserts a session and finds it for its owner only', async () => {
    // Act
    const inserted = await repository.insert(session(1));

    // Assert
    expect(inserted).toEqual(session(1));
    expect(await repository.findOwned(id(1), 'u1')).toEqual(session(1));
    expect(await repository.findOwned(id(1), 'u2')).toBeUndefined();
  });

  it('keeps one session per (user, idempotency key): a repeat inserts nothing and answers undefined', async () => {
    // Arrange
    await repository.insert(session(1, { idempotencyKey: 'k' }));

    // Act
    const repeat = await repository.insert(session(2, { idempotencyKey: 'k' }));
    const otherUser = await repository.insert(session(3, { userId: 'u2', idempotencyKey: 'k' }));
    const withoutKeys = await Promise.all([repository.insert(session(4)), repository.insert(session(5))]);

    // Assert
    expect(repeat).toBeUndefined();
    expect(otherUser).toMatchObject({ id: id(3), userId: 'u2' });
    expect(withoutKeys.map((row) => row?.id)).toEqual([id(4), id(5)]);
    expect(await repository.findByIdempotencyKey('u1', 'k')).toMatchObject({ id: id(1) });
    expect(await repository.findByIdempotencyKey('u1', 'other')).toBeUndefined();
  });

  it('lists a user’s sessions newest first (ties by id), page by page', async () => {
    // Arrange
    const at = (ms: number) => new Date(T0.getTime() + ms);
    await repository.insert(session(1, { createdAt: at(1) }));
    await repository.insert(session(2, { createdAt: at(2) }));
    await repository.insert(session(3, { createdAt: at(2) }));
    await repository.insert(session(4, { createdAt: at(3), userId: 'u2' }));

    // Act
    const first = await repository.listOwned('u1', 2);
    const last = first[first.length - 1]!;
    const rest = await repository.listOwned('u1', 2, { createdAt: last.createdAt, id: last.id });

    // Assert
    expect(first.map((row) => row.id)).toEqual([id(3), id(2)]);
    expect(rest.map((row) => row.id)).toEqual([id(1)]);
  });

  it('moves a session only from the states given, for its owner, stamping updatedAt', async () => {
    // Arrange
    await repository.insert(session(1));

    // Act
    const started = await repository.transition(id(1), 'u1', ['queued'], { status: 'downloading', bytesDone: 10 });
    const stale = await repository.transition(id(1), 'u1', ['queued'], { status: 'cancelled' });
    const stranger = await repository.transition(id(1), 'u2', ['downloading'], { status: 'cancelled' });

    // Assert
    expect(started).toMatchObject({ status: 'downloading', bytesDone: 10 });
    expect(started!.updatedAt.getTime()).toBeGreaterThan(T0.getTime());
    expect(stale).toBeUndefined();
    expect(stranger).toBeUndefined();
    expect(await repository.findOwned(id(1), 'u1')).toMatchObject({ status: 'downloading', bytesDone: 10 });
  });

  it('lets only one of two racing transitions from the same state win', async () => {
    // Arrange
    await repository.insert(session(1, { status: 'downloading' }));

    // Act
    const outcomes = await Promise.all([
      repository.transition(id(1), 'u1', ['downloading'], { status: 'paused' }),
      repository.transition(id(1), 'u1', ['downloading'], { status: 'cancelled' }),
    ]);

    // Assert
    expect(outcomes.filter((row) => row !== undefined)).toHaveLength(1);
    const winner = outcomes.find((row) => row !== undefined)!;
    expect(await repository.findOwned(id(1), 'u1')).toMatchObject({ status: winner.status });
  });
});
