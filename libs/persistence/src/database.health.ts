import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { sql } from 'drizzle-orm';
import { countAppliedMigrations } from './database.migrator';
import type { DatabaseConnection } from './database.types';
import { DATABASE_CONNECTION } from './persistence.constants';

/** Readiness: the database answers and every migration shipped with the app is applied. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  // A probe must answer even when the pool is exhausted or the server hangs, hence the bound.
  async isHealthy(key = 'database', timeoutMs = 3000) {
    const indicator = this.health.check(key);
    const { driver, migrationsExpected } = this.connection;
    try {
      const applied = await withTimeout(this.probe(), timeoutMs);
      if (applied < migrationsExpected) {
        return indicator.down({
          driver,
          migrations: applied,
          expected: migrationsExpected,
          message: 'migrations pending',
        });
      }
      return indicator.up({ driver, migrations: applied });
    } catch (error) {
      return indicator.down({ driver, message: (error as Error).message });
    }
  }

  private async probe(): Promise<number> {
    await this.connection.db.execute(sql`select 1`);
    return countAppliedMigrations(this.connection.db, this.connection.migrationsSchema);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
