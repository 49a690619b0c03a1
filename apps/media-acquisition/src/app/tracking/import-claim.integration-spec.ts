import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { insertMovie } from '../db/testing';
import type { TrackedState } from '../db/schema';
import { aTrackedDownload } from './testing';
import { TrackedDownloadsRepository } from './tracked-downloads.repository';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');
const HOUR = 3_600_000;

/** The compare-and-set that lets exactly one monitor import a finished download. */
describeOnEachDatabase('claiming an import', { schema, migrationsFolder: MIGRATIONS, freshPer: 'test' }, (bed) => {
  let downloads: TrackedDownloadsRepository;

  async function tracked(state: TrackedState): Promise<string> {
    const now = new Date();
    const movieId = await insertMovie(bed.db, 'downloading');
    const id = randomUUID();
    await bed.db
      .insert(schema.trackedDownloads)
      .values(aTrackedDownload({ id, movieId, downloadId: randomUUID(), state, grabbedAt: now, updatedAt: now }));
    return id;
  }

  beforeEach(() => {
    downloads = new TrackedDownloadsRepository(bed.db as never);
  });

  it('gives a pending import to exactly one of several monitors claiming it at once', async () => {
    // Arrange
    const id = await tracked('importPending');

    // Act
    const claims = await Promise.all(Array.from({ length: 5 }, () => downloads.claimImport(id, HOUR)));

    // Assert
    expect(claims.filter((row) => row !== undefined)).toHaveLength(1);
    expect(claims.find((row) => row)?.state).toBe('importing');
  });

  it('leaves an import in progress alone, and claims one its importer abandoned', async () => {
    // Arrange
    const id = await tracked('importPending');
    await downloads.claimImport(id, HOUR);

    // Act
    const whileFresh = await downloads.claimImport(id, HOUR);
    await bed.db
      .update(schema.trackedDownloads)
      .set({ updatedAt: sql`now() - interval '2 hours'` })
      .where(eq(schema.trackedDownloads.id, id));
    const onceStale = await downloads.claimImport(id, HOUR);

    // Assert
    expect(whileFresh).toBeUndefined();
    expect(onceStale).toMatchObject({ id, state: 'importing' });
  });

  it.each<TrackedState>(['downloading', 'imported', 'importBlocked', 'failed'])(
    'does not claim a download that is %s',
    async (state) => {
      // Arrange
      const id = await tracked(state);

      // Act
      const claimed = await downloads.claimImport(id, 0);

      // Assert
      expect(claimed).toBeUndefined();
    },
  );
});
