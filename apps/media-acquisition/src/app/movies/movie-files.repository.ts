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

  /** Records the movie's file; a second call for the same movie (a re-run import) keeps the first. */
  async insert(row: Omit<MovieFileRow, 'id' | 'importedAt'>): Promise<void> {
    await this.db.insert(movieFiles).values({ id: randomUUID(), ...row, importedAt: new Date() }).onConflictDoNothing();
  }
}
