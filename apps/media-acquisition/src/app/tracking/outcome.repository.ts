import { Injectable } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { blocklist, history, movieFiles, movies, trackedDownloads } from '../db/schema';
import type { MovieFileRow, MovieStatus, TrackedDownloadRow, TrackedState } from '../db/schema';
import type * as schema from '../db/schema';
import type { NewHistory } from './history.repository';

export interface FinalStep {
  download: TrackedDownloadRow;
  from: readonly TrackedState[];
  to: TrackedState;
  messages?: string[];
  history: NewHistory;
  /** The movie's status afterwards; `keepIfFile` = `downloaded` when it has a file, else `wanted`. */
  movieStatus: MovieStatus | 'keepIfFile';
  file?: Omit<MovieFileRow, 'id' | 'importedAt'>;
  /** Blocklists the download's release, with this reason, in the same transaction. */
  blocklistReason?: string;
}

/**
 * The last step of an import or a failure, in one transaction: the download's compare-and-set, the
 * movie's file and status, and the history entry. A crash leaves all of it or none of it, so a
 * restart either redoes the step or finds it done; and only the caller whose compare-and-set wins
 * writes history, so an import is recorded once however many ticks or restarts race.
 */
@Injectable()
export class OutcomeRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /**
   * A grab's record: the tracked download, its history entry and the movie's `downloading`, all or
   * nothing. Undefined when the insert hit the one-active-download index (another grab won).
   */
  grabbed(row: TrackedDownloadRow, entry: NewHistory): Promise<TrackedDownloadRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [inserted] = await tx.insert(trackedDownloads).values(row).onConflictDoNothing().returning();
      if (!inserted) return undefined;
      await tx
        .insert(history)
        .values({ id: randomUUID(), downloadId: null, quality: null, data: {}, ...entry, date: row.grabbedAt });
      await tx
        .update(movies)
        .set({ status: 'downloading', updatedAt: row.grabbedAt })
        .where(eq(movies.id, row.movieId));
      return inserted;
    });
  }

  record(step: FinalStep): Promise<TrackedDownloadRow | undefined> {
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const [moved] = await tx
        .update(trackedDownloads)
        .set({ state: step.to, updatedAt: now, ...(step.messages ? { messages: step.messages } : {}) })
        .where(and(eq(trackedDownloads.id, step.download.id), inArray(trackedDownloads.state, [...step.from])))
        .returning();
      if (!moved) return undefined;
      const movieId = step.download.movieId;
      if (step.blocklistReason !== undefined) {
        const { releaseGuid, releaseTitle, indexerId } = step.download;
        await tx
          .insert(blocklist)
          .values({
            id: randomUUID(),
            movieId,
            releaseGuid,
            releaseTitle,
            indexerId,
            reason: step.blocklistReason,
            date: now,
          })
          .onConflictDoNothing();
      }
      if (step.file) {
        const { movieId: _movieId, ...file } = step.file;
        await tx
          .insert(movieFiles)
          .values({ id: randomUUID(), ...step.file, importedAt: now })
          .onConflictDoUpdate({ target: movieFiles.movieId, set: { ...file, importedAt: now } });
      }
      let status = step.movieStatus;
      if (status === 'keepIfFile') {
        const [file] = await tx
          .select({ id: movieFiles.id })
          .from(movieFiles)
          .where(eq(movieFiles.movieId, movieId))
          .limit(1);
        status = file ? 'downloaded' : 'wanted';
      }
      await tx.update(movies).set({ status, updatedAt: now }).where(eq(movies.id, movieId));
      await tx
        .insert(history)
        .values({ id: randomUUID(), downloadId: null, quality: null, data: {}, ...step.history, date: now });
      return moved;
    });
  }
}
