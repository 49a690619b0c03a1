import { Injectable } from '@nestjs/common';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../database.types';
import { InjectDatabase } from '../inject-database.decorator';
import * as schema from './fixture.schema';
import { notes, users } from './fixture.schema';

/** Written the way an app's repository would be, to prove the injected handle serves one. */
@Injectable()
export class FixtureRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  async addUser(email: string, displayName?: string) {
    const [user] = await this.db.insert(users).values({ email, displayName }).returning();
    return user;
  }

  /** Returns undefined when the email exists already. */
  async addUserIfAbsent(email: string) {
    const [user] = await this.db
      .insert(users)
      .values({ email })
      .onConflictDoNothing({ target: users.email })
      .returning();
    return user;
  }

  async findUser(email: string) {
    const [user] = await this.db.select().from(users).where(eq(users.email, email));
    return user;
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row.n;
  }

  /** Both rows or neither; `fail` throws after the note is written, to prove the rollback. */
  async addUserWithNote(email: string, body: string, fail = false) {
    return this.db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email }).returning();
      const [note] = await tx.insert(notes).values({ userId: user.id, body }).returning();
      if (fail) throw new Error('rolled back on purpose');
      return { user, note };
    });
  }

  async notesOf(email: string) {
    return this.db.query.users.findFirst({ where: eq(users.email, email), with: { notes: true } });
  }
}
