import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { ACTIVE_STATES, trackedDownloads } from '../db/schema';
import type { TrackedDownloadRow, TrackedState } from '../db/schema';
import type * as schema from '../db/schema';

export type TrackedDownloadPatch = Partial<
  Pick<TrackedDownloadRow, 'state' | 'clientStatus' | 'progress' | 'etaSeconds' | 'outputPath' | 'messages'>
>;

@Injectable()
export class TrackedDownloadsRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /** Inserts `row`, or returns undefined when the same torrent is already tracked. */
  async insert(row: TrackedDownloadRow): Promise<TrackedDownloadRow | undefined> {
    const [inserted] = await this.db.insert(trackedDownloads).values(row).onConflictDoNothing().returning();
    return inserted;
  }

  /** The torrent's latest tracking (a torrent can be grabbed again once its earlier tracking ended). */
  async findByDownloadId(downloadId: string): Promise<TrackedDownloadRow | undefined> {
    const [row] = await this.db
      .select()
      .from(trackedDownloads)
      .where(eq(trackedDownloads.downloadId, downloadId))
      .orderBy(desc(trackedDownloads.grabbedAt))
      .limit(1);
    return row;
  }

  /** Everything the monitor still watches: read from the database, so a restart loses nothing. */
  active(): Promise<TrackedDownloadRow[]> {
    return this.db
      .select()
      .from(trackedDownloads)
      .where(inArray(trackedDownloads.state, [...ACTIVE_STATES]))
      .orderBy(trackedDownloads.grabbedAt);
  }

  async activeForMovie(movieId: string): Promise<TrackedDownloadRow | undefined> {
    const [row] = await this.db
      .select()
      .from(trackedDownloads)
      .where(and(eq(trackedDownloads.movieId, movieId), inArray(trackedDownloads.state, [...ACTIVE_STATES])))
      .limit(1);
    return row;
  }

  async latestForMovie(
    movieId: string,
    db: Database<typeof schema> = this.db,
  ): Promise<TrackedDownloadRow | undefined> {
    const [row] = await db
      .select()
      .from(trackedDownloads)
      .where(eq(trackedDownloads.movieId, movieId))
      .orderBy(desc(trackedDownloads.grabbedAt))
      .limit(1);
    return row;
  }

  async update(id: string, patch: TrackedDownloadPatch): Promise<TrackedDownloadRow | undefined> {
    const [row] = await this.db
      .update(trackedDownloads)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(trackedDownloads.id, id))
      .returning();
    return row;
  }

  /**
   * Moves the download from one of `from` to `to`, only if it is still there: the compare-and-set
   * that lets exactly one worker import (or fail) a download, however many ticks or restarts race.
   */
  async transition(
    id: string,
    from: readonly TrackedState[],
    to: TrackedState,
    patch: TrackedDownloadPatch = {},
  ): Promise<TrackedDownloadRow | undefined> {
    const [row] = await this.db
      .update(trackedDownloads)
      .set({ ...patch, state: to, updatedAt: new Date() })
      .where(and(eq(trackedDownloads.id, id), inArray(trackedDownloads.state, [...from])))
      .returning();
    return row;
  }

  /**
   * Claims the import of a finished download: `importPending` → `importing`, or an `importing` left
   * untouched for `staleAfterMs` (its importer died), in one compare-and-set. Of two monitors racing
   * (a lease handed over while its old holder was still busy), one gets the row, the other nothing.
   * `updated_at` is stamped and compared on the database's clock, the one all replicas share.
   */
  async claimImport(id: string, staleAfterMs: number): Promise<TrackedDownloadRow | undefined> {
    const stale = sql`now() - ${Math.max(0, Math.round(staleAfterMs))}::integer * interval '1 millisecond'`;
    const [row] = await this.db
      .update(trackedDownloads)
      .set({ state: 'importing', updatedAt: sql`now()` })
      .where(
        and(
          eq(trackedDownloads.id, id),
          or(
            eq(trackedDownloads.state, 'importPending'),
            and(eq(trackedDownloads.state, 'importing'), lt(trackedDownloads.updatedAt, stale)),
          ),
        ),
      )
      .returning();
    return row;
  }

  async countByState(): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ state: trackedDownloads.state, n: count() })
      .from(trackedDownloads)
      .groupBy(trackedDownloads.state);
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}
