import { Injectable } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { radarrIds } from '../db/schema';
import type { RadarrIdKind } from '../db/schema';
import type * as schema from '../db/schema';

/**
 * The integer ids Radarr's API speaks, for rows that have UUIDs: given on first sight, stable after
 * (a client such as Overseerr stores the movie id it was answered and calls it later).
 */
@Injectable()
export class RadarrIdsRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  async idsFor(kind: RadarrIdKind, keys: readonly string[]): Promise<Map<string, number>> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Map();
    await this.db
      .insert(radarrIds)
      .values(unique.map((key) => ({ kind, key })))
      .onConflictDoNothing();
    const rows = await this.db
      .select()
      .from(radarrIds)
      .where(and(eq(radarrIds.kind, kind), inArray(radarrIds.key, unique)));
    return new Map(rows.map((row) => [row.key, row.id]));
  }

  async idFor(kind: RadarrIdKind, key: string): Promise<number> {
    return (await this.idsFor(kind, [key])).get(key) as number;
  }

  async keyFor(kind: RadarrIdKind, id: number): Promise<string | undefined> {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
    const [row] = await this.db
      .select()
      .from(radarrIds)
      .where(and(eq(radarrIds.kind, kind), eq(radarrIds.id, id)))
      .limit(1);
    return row?.key;
  }
}
