import { Injectable } from '@nestjs/common';
import { asc, eq } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { qualityProfiles } from '../db/schema';
import type { QualityProfileRow } from '../db/schema';
import type * as schema from '../db/schema';

@Injectable()
export class QualityProfilesRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /** Inserts `row` unless its name is taken; returns undefined then. */
  async insert(row: QualityProfileRow): Promise<QualityProfileRow | undefined> {
    const [inserted] = await this.db.insert(qualityProfiles).values(row).onConflictDoNothing().returning();
    return inserted;
  }

  list(): Promise<QualityProfileRow[]> {
    return this.db.select().from(qualityProfiles).orderBy(asc(qualityProfiles.createdAt), asc(qualityProfiles.name));
  }

  async findByName(name: string): Promise<QualityProfileRow | undefined> {
    const [row] = await this.db.select().from(qualityProfiles).where(eq(qualityProfiles.name, name)).limit(1);
    return row;
  }

  async findById(id: string): Promise<QualityProfileRow | undefined> {
    const [row] = await this.db.select().from(qualityProfiles).where(eq(qualityProfiles.id, id)).limit(1);
    return row;
  }
}
