import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { blocklist } from '../db/schema';
import type { BlocklistRow } from '../db/schema';
import type * as schema from '../db/schema';

@Injectable()
export class BlocklistRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /** Blocklists a release for a movie; doing it twice keeps one entry. */
  async add(
    entry: Pick<BlocklistRow, 'movieId' | 'releaseGuid' | 'releaseTitle' | 'indexerId' | 'reason'>,
  ): Promise<void> {
    await this.db
      .insert(blocklist)
      .values({ id: randomUUID(), ...entry, date: new Date() })
      .onConflictDoNothing();
  }

  forMovie(movieId: string): Promise<BlocklistRow[]> {
    return this.db.select().from(blocklist).where(eq(blocklist.movieId, movieId));
  }
}
