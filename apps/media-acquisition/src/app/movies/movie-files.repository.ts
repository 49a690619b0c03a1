import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { movieFiles } from '../db/schema';
import type { MovieFileRow } from '../db/schema';
import type * as schema from '../db/schema';

@Injectable()
export class MovieFilesRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /** Records the movie's file, replacing the one an upgrade supersedes (one file per movie). */
  async upsert(row: Omit<MovieFileRow, 'id' | 'importedAt'>): Promise<void> {
    const { movieId: _movieId, ...file } = row;
    await this.db
      .insert(movieFiles)
      .values({ id: randomUUID(), ...row, importedAt: new Date() })
      .onConflictDoUpdate({ target: movieFiles.movieId, set: { ...file, importedAt: new Date() } });
  }
}
