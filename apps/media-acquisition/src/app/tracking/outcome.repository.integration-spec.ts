import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { insertMovie } from '../db/testing';
import type { TrackedDownloadRow } from '../db/schema';
import { OutcomeRepository } from './outcome.repository';
import { aTrackedDownload } from './testing';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');

/** A grab's record and a failure's end, each one transaction, against the real schema and its indexes. */
describeOnEachDatabase('OutcomeRepository', { schema, migrationsFolder: MIGRATIONS, freshPer: 'test' }, (bed) => {
  let outcomes: OutcomeRepository;

  const aMovie = () => insertMovie(bed.db, 'wanted');

  /** A grab's row, unique where the schema's indexes want it. */
  function aGrab(movieId: string, overrides: Partial<TrackedDownloadRow> = {}): TrackedDownloadRow {
    const now = new Date();
    return aTrackedDownload({
      id: randomUUID(),
      movieId,
      downloadId: randomUUID().replace(/-/g, '').toUpperCase(),
      releaseGuid: `g-${randomUUID()}`,
      grabbedAt: now,
      updatedAt: now,
      ...overrides,
    });
  }

  const grabbedEntry = (row: TrackedDownloadRow) => ({
    movieId: row.movieId,
    downloadId: row.downloadId,
    event: 'grabbed' as const,
    sourceTitle: row.releaseTitle,
  });

  beforeEach(() => {
    outcomes = new OutcomeRepository(bed.db as never);
  });

  it('records a grab with its history entry and the movie downloading, in one go', async () => {
    // Arrange
    const movieId = await aMovie();
    const row = aGrab(movieId);

    // Act
    const tracked = await outcomes.grabbed(row, grabbedEntry(row));

    // Assert
    expect(tracked).toMatchObject({ id: row.id, state: 'downloading' });
    const [movie] = await bed.db.select().from(schema.movies).where(eq(schema.movies.id, movieId));
    const history = await bed.db.select().from(schema.history).where(eq(schema.history.movieId, movieId));
    expect(movie.status).toBe('downloading');
    expect(history.map((h) => [h.event, h.downloadId])).toEqual([['grabbed', row.downloadId]]);
  });

  it('gives one of two grabs of a movie at once the download, and leaves no trace of the other', async () => {
    // Arrange
    const movieId = await aMovie();
    const [first, second] = [aGrab(movieId), aGrab(movieId)];

    // Act
    const results = await Promise.all([
      outcomes.grabbed(first, grabbedEntry(first)),
      outcomes.grabbed(second, grabbedEntry(second)),
    ]);

    // Assert
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    const tracked = await bed.db
      .select()
      .from(schema.trackedDownloads)
      .where(eq(schema.trackedDownloads.movieId, movieId));
    const history = await bed.db.select().from(schema.history).where(eq(schema.history.movieId, movieId));
    expect(tracked).toHaveLength(1);
    expect(history).toHaveLength(1);
  });

  it('blocklists the release with the final step, once, and not when the step lost its race', async () => {
    // Arrange
    const movieId = await aMovie();
    const row = aGrab(movieId, { state: 'failedPending' });
    await bed.db.insert(schema.trackedDownloads).values(row);
    const step = {
      download: row,
      from: ['failedPending' as const],
      to: 'failed' as const,
      movieStatus: 'keepIfFile' as const,
      blocklistReason: 'stalled',
      history: { movieId, downloadId: row.downloadId, event: 'downloadFailed' as const, sourceTitle: row.releaseTitle },
    };

    // Act
    const won = await outcomes.record(step);
    const lost = await outcomes.record(step);

    // Assert
    expect(won?.state).toBe('failed');
    expect(lost).toBeUndefined();
    const blocklist = await bed.db.select().from(schema.blocklist).where(eq(schema.blocklist.movieId, movieId));
    const [movie] = await bed.db.select().from(schema.movies).where(eq(schema.movies.id, movieId));
    expect(blocklist.map((b) => [b.releaseGuid, b.reason])).toEqual([[row.releaseGuid, 'stalled']]);
    expect(movie.status).toBe('wanted');
  });
});
