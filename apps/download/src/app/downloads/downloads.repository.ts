import { Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { downloads } from '../db/schema';
import type { DownloadRow, DownloadStatus } from '../db/schema';
import type * as schema from '../db/schema';

export type NewDownload = typeof downloads.$inferInsert;

/** Where a page of a user's sessions resumes: the last row's (createdAt, id). */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

const placeholders = {
  id: sql.placeholder('id'),
  userId: sql.placeholder('userId'),
  gameId: sql.placeholder('gameId'),
  status: sql.placeholder('status'),
  bytesTotal: sql.placeholder('bytesTotal'),
  bytesDone: sql.placeholder('bytesDone'),
  idempotencyKey: sql.placeholder('idempotencyKey'),
  createdAt: sql.placeholder('createdAt'),
  updatedAt: sql.placeholder('updatedAt'),
};

@Injectable()
export class DownloadsRepository {
  /**
   * Starting a download is the hot path: drizzle would rebuild this SQL on every call, which cost
   * about half of the insert's CPU in `npm run bench`; a prepared statement builds it once.
   */
  private readonly insertDownload;

  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {
    this.insertDownload = db
      .insert(downloads)
      .values(placeholders)
      .onConflictDoNothing()
      .returning()
      .prepare('insert_download');
  }

  /** Inserts `row`, or returns undefined when the (user, idempotency key) pair already exists. */
  async insert(row: Required<NewDownload>): Promise<DownloadRow | undefined> {
    const [inserted] = await this.insertDownload.execute(row);
    return inserted as DownloadRow | undefined;
  }

  async findByIdempotencyKey(userId: string, key: string): Promise<DownloadRow | undefined> {
    const [row] = await this.db
      .select()
      .from(downloads)
      .where(and(eq(downloads.userId, userId), eq(downloads.idempotencyKey, key)))
      .limit(1);
    return row;
  }

  /** The session, only if `userId` owns it: another user's session reads as absent. */
  async findOwned(id: string, userId: string): Promise<DownloadRow | undefined> {
    const [row] = await this.db
      .select()
      .from(downloads)
      .where(and(eq(downloads.id, id), eq(downloads.userId, userId)))
      .limit(1);
    return row;
  }

  async listOwned(userId: string, limit: number, after?: PageCursor): Promise<DownloadRow[]> {
    const owned = eq(downloads.userId, userId);
    const where = after
      ? and(
          owned,
          or(
            lt(downloads.createdAt, after.createdAt),
            and(eq(downloads.createdAt, after.createdAt), lt(downloads.id, after.id)),
          ),
        )
      : owned;
    return this.db
      .select()
      .from(downloads)
      .where(where)
      .orderBy(desc(downloads.createdAt), desc(downloads.id))
      .limit(limit);
  }

  /**
   * Applies `changes` only while the session is still in one of `from`: two racing PATCHes cannot
   * both move it, and the loser sees undefined (a 409 for its caller).
   */
  async transition(
    id: string,
    userId: string,
    from: readonly DownloadStatus[],
    changes: Partial<Pick<DownloadRow, 'status' | 'bytesDone'>>,
  ): Promise<DownloadRow | undefined> {
    const [row] = await this.db
      .update(downloads)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(downloads.id, id), eq(downloads.userId, userId), inArray(downloads.status, [...from])))
      .returning();
    return row;
  }
}
