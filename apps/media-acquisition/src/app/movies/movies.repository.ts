import { Injectable } from '@nestjs/common';
import { desc, eq, inArray } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { movieFiles, movies } from '../db/schema';
import type { MovieFileRow, MovieRow } from '../db/schema';
import type * as schema from '../db/schema';

/** What a user may change on a movie. */
export type MoviePatch = Partial<Pick<MovieRow, 'monitored' | 'qualityProfileId' | 'runtimeMinutes'>>;

@Injectable()
export class MoviesRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /** Inserts `row`, or returns undefined when the title+year, TMDb id or IMDb id is already wanted. */
  async insert(row: MovieRow): Promise<MovieRow | undefined> {
    const [inserted] = await this.db.insert(movies).values(row).onConflictDoNothing().returning();
    return inserted;
  }

  list(limit: number): Promise<MovieRow[]> {
    return this.db.select().from(movies).orderBy(desc(movies.createdAt), desc(movies.id)).limit(limit);
  }

  async find(id: string, db: Database<typeof schema> = this.db): Promise<MovieRow | undefined> {
    const [row] = await db.select().from(movies).where(eq(movies.id, id)).limit(1);
    return row;
  }

  /**
   * Runs `read` in one read-only snapshot. An outcome commits a download's state and its movie's status
   * together; reads in separate statements could see one without the other.
   */
  snapshot<T>(read: (db: Database<typeof schema>) => Promise<T>): Promise<T> {
    return this.db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }

  findMany(ids: readonly string[]): Promise<MovieRow[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.db
          .select()
          .from(movies)
          .where(inArray(movies.id, [...ids]));
  }

  /** Applies `patch`; undefined when there is no such movie. */
  async update(id: string, patch: MoviePatch): Promise<MovieRow | undefined> {
    const [row] = await this.db
      .update(movies)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(movies.id, id))
      .returning();
    return row;
  }

  async findByTmdbId(tmdbId: number): Promise<MovieRow | undefined> {
    const [row] = await this.db.select().from(movies).where(eq(movies.tmdbId, tmdbId)).limit(1);
    return row;
  }

  /** Deletes the movie with its downloads, file record and history (the foreign keys cascade). */
  async delete(id: string): Promise<boolean> {
    const deleted = await this.db.delete(movies).where(eq(movies.id, id)).returning({ id: movies.id });
    return deleted.length > 0;
  }

  async file(movieId: string, db: Database<typeof schema> = this.db): Promise<MovieFileRow | undefined> {
    const [row] = await db.select().from(movieFiles).where(eq(movieFiles.movieId, movieId)).limit(1);
    return row;
  }
}
