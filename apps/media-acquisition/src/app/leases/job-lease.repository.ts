import { Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { jobLeases } from '../db/schema';
import type { JobLeaseRow } from '../db/schema';
import type * as schema from '../db/schema';

export interface LeaseRecord extends JobLeaseRow {
  /** Whether it is unexpired by the database's clock, the only clock every replica agrees on. */
  live: boolean;
}

/**
 * The `job_leases` rows. Every time comparison runs on the database's clock (`now()`), so replicas
 * whose clocks drift apart still agree on who holds a lease and until when.
 */
@Injectable()
export class JobLeaseRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /**
   * Takes the lease, renews it when `holder` has it already, or takes it over once it has expired,
   * in one atomic statement: two replicas racing for it cannot both win. Returns the row when
   * `holder` holds the lease afterwards, undefined when someone else does.
   */
  async acquire(name: string, holder: string, ttlMs: number): Promise<JobLeaseRow | undefined> {
    const expiresAt = sql`now() + ${Math.max(1, Math.round(ttlMs))}::integer * interval '1 millisecond'`;
    const sameHolder = sql`${jobLeases.holder} = excluded.holder`;
    const [row] = await this.db
      .insert(jobLeases)
      .values({ name, holder, expiresAt, acquiredAt: sql`now()` })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: {
          holder: sql`excluded.holder`,
          expiresAt: sql`excluded.expires_at`,
          // A renewal keeps the time the holder first took it.
          acquiredAt: sql`case when ${sameHolder} then ${jobLeases.acquiredAt} else excluded.acquired_at end`,
        },
        setWhere: sql`${sameHolder} or ${jobLeases.expiresAt} <= now()`,
      })
      .returning();
    return row;
  }

  /**
   * Claims the next run of a periodic job: succeeds for one replica once the previous run's period
   * (`expires_at`) has passed, whoever ran it, and holds the job until `intervalMs` from now. So the
   * fleet runs it once per interval; `acquired_at` is when it last started, `expires_at` when it is
   * next due.
   */
  async claimRun(name: string, holder: string, intervalMs: number): Promise<JobLeaseRow | undefined> {
    const expiresAt = sql`now() + ${Math.max(1, Math.round(intervalMs))}::integer * interval '1 millisecond'`;
    const [row] = await this.db
      .insert(jobLeases)
      .values({ name, holder, expiresAt, acquiredAt: sql`now()` })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: {
          holder: sql`excluded.holder`,
          expiresAt: sql`excluded.expires_at`,
          acquiredAt: sql`excluded.acquired_at`,
        },
        setWhere: sql`${jobLeases.expiresAt} <= now()`,
      })
      .returning();
    return row;
  }

  /**
   * Records a run started on request (a command) as the job's latest, whatever the schedule said:
   * the next scheduled run then comes `intervalMs` after it, as a manual Radarr command resets its task.
   */
  async recordRun(name: string, holder: string, intervalMs: number): Promise<JobLeaseRow> {
    const expiresAt = sql`now() + ${Math.max(1, Math.round(intervalMs))}::integer * interval '1 millisecond'`;
    const [row] = await this.db
      .insert(jobLeases)
      .values({ name, holder, expiresAt, acquiredAt: sql`now()` })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: {
          holder: sql`excluded.holder`,
          expiresAt: sql`excluded.expires_at`,
          acquiredAt: sql`excluded.acquired_at`,
        },
      })
      .returning();
    return row;
  }

  /** Gives the lease up, if `holder` still has it, so another replica need not wait for it to expire. */
  async release(name: string, holder: string): Promise<boolean> {
    const released = await this.db
      .delete(jobLeases)
      .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)))
      .returning({ name: jobLeases.name });
    return released.length > 0;
  }

  async find(name: string): Promise<LeaseRecord | undefined> {
    const [row] = await this.db
      .select({
        name: jobLeases.name,
        holder: jobLeases.holder,
        expiresAt: jobLeases.expiresAt,
        acquiredAt: jobLeases.acquiredAt,
        live: sql<boolean>`${jobLeases.expiresAt} > now()`,
      })
      .from(jobLeases)
      .where(eq(jobLeases.name, name));
    return row;
  }
}
