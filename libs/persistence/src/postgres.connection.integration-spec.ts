import { Logger } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Pool } from 'pg';
import { openDatabase } from './database.factory';
import { countAppliedMigrations } from './database.migrator';
import type { DatabaseConnection } from './database.types';
import { openPostgres } from './postgres.connection';
import { selectRows } from './select-rows.util';
import { FIXTURE_MIGRATION_COUNT, FIXTURE_MIGRATIONS } from './test-fixtures/fixture.constants';
import * as schema from './test-fixtures/fixture.schema';
import { postgresUrlForTests } from './testing/postgres-url-for-tests';
import { uniqueSchemaName, withSchemaParam } from './testing/test-database';

const url = postgresUrlForTests('persistence: openPostgres');
const onPostgres = url ? describe : describe.skip;

onPostgres('openPostgres [real peer: Postgres]', () => {
  const pgSchema = uniqueSchemaName('t_pg');
  const opened: DatabaseConnection[] = [];
  const open = async (extraParams = '') => {
    const { connection, migrations } = await openPostgres({
      url: `${withSchemaParam(url as string, pgSchema)}${extraParams}`,
      schema,
      migrationsFolder: FIXTURE_MIGRATIONS,
    });
    opened.push(connection);
    return { connection, migrations };
  };

  afterAll(async () => {
    await Promise.all(opened.map((connection) => connection.close()));
    const pool = new Pool({ connectionString: url });
    await pool.query(`drop schema if exists "${pgSchema}" cascade`);
    await pool.end();
  });

  it('serialises replicas that start together: the migrations run once', async () => {
    const starts = await Promise.all([open(), open(), open()]);

    const ran = starts.map((start) => start.migrations.ran).sort();
    expect(ran).toEqual([0, 0, FIXTURE_MIGRATION_COUNT]);
    expect(await countAppliedMigrations(starts[0].connection.db, pgSchema)).toBe(FIXTURE_MIGRATION_COUNT);
  });

  it('sets the search_path on every pooled connection, keeping URL options', async () => {
    const { connection } = await open('&options=-c%20statement_timeout%3D4321');
    // Concurrent queries force the pool to open several connections.
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        selectRows<{ search_path: string; timeout: string }>(
          connection.db,
          sql`select current_setting('search_path') as search_path,
            current_setting('statement_timeout') as timeout, pg_sleep(0.05)`,
        ),
      ),
    );

    expect(new Set(settings.map(([row]) => `${row.search_path} ${row.timeout}`))).toEqual(
      new Set([`${pgSchema} 4321ms`]),
    );
  });

  it('logs where it connected without the password', async () => {
    // A CI URL carries its own password; a trust-auth server ignores the one added here.
    const withPassword = new URL(url as string);
    if (!withPassword.password) withPassword.password = 'hunter2';
    const secret = withPassword.password;
    withPassword.searchParams.set('schema', pgSchema);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

    const connection = await openDatabase({
      service: 'fixture',
      schema,
      migrationsFolder: FIXTURE_MIGRATIONS,
      url: withPassword.toString(),
    });
    opened.push(connection);
    const lines = JSON.stringify(log.mock.calls);
    log.mockRestore();

    expect(lines).not.toContain(secret);
    expect(lines).toContain(':***@');
    expect(lines).toContain('"driver":"postgres"');
  });
});
