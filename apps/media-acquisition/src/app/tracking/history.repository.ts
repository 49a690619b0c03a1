import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { history } from '../db/schema';
import type { HistoryEvent, HistoryRow } from '../db/schema';
import type * as schema from '../db/schema';

export interface NewHistory {
  movieId: string;
  downloadId?: string;
  event: HistoryEvent;
  sourceTitle: string;
  quality?: string;
  data?: Record<string, unknown>;
}

@Injectable()
export class HistoryRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  async record(entry: NewHistory): Promise<void> {
    await this.db
      .insert(history)
      .values({ id: randomUUID(), downloadId: null, quality: null, data: {}, ...entry, date: new Date() });
  }

  forMovie(movieId: string, event?: HistoryEvent): Promise<HistoryRow[]> {
    const where = event ? and(eq(history.movieId, movieId), eq(history.event, event)) : eq(history.movieId, movieId);
    return this.db.select().from(history).where(where).orderBy(desc(history.date));
  }

  /** A page of every movie's history, newest first (or of some movies'), with the total. */
  async page(
    offset: number,
    limit: number,
    movieIds?: readonly string[],
  ): Promise<{ rows: HistoryRow[]; total: number }> {
    const where = movieIds ? inArray(history.movieId, [...movieIds]) : undefined;
    if (movieIds && movieIds.length === 0) return { rows: [], total: 0 };
    const [rows, [{ total }]] = await Promise.all([
      this.db
        .select()
        .from(history)
        .where(where)
        .orderBy(desc(history.date), desc(history.id))
        .offset(offset)
        .limit(limit),
      this.db.select({ total: count() }).from(history).where(where),
    ]);
    return { rows, total };
  }
}
