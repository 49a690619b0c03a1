import { PGlite } from '@electric-sql/pglite';
import { Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { sql } from 'drizzle-orm';
import { Pool } from 'pg';
import { DatabaseHealthIndicator } from './database.health';
import type { Database, DatabaseConnection, DatabaseDriver } from './database.types';
import { selectRows } from './select-rows.util';
import { DATABASE, DATABASE_CONNECTION } from './persistence.constants';
import { PersistenceModule } from './persistence.module';
import type { PersistenceModuleOptions } from './persistence.options';
import { FIXTURE_MIGRATION_COUNT, FIXTURE_MIGRATIONS } from './test-fixtures/fixture.constants';
import { FixtureRepository } from './test-fixtures/fixture.repository';
import * as schema from './test-fixtures/fixture.schema';
import { postgresUrlForTests } from './testing/postgres-url-for-tests';
import { uniqueSchemaName, withSchemaParam } from './testing/test-database';

// @nestjs/testing is not installed; an application context boots the same module graph.
function appModule(persistence: ReturnType<typeof PersistenceModule.forRoot>): Type {
  @Module({ imports: [persistence], providers: [FixtureRepository] })
  class FixtureAppModule {}
  return FixtureAppModule;
}

// CI sets DATABASE_URL, so both drivers run there; without it only PGlite does (with a notice).
const POSTGRES_URL = postgresUrlForTests('persistence: PersistenceModule');

const suite = (driver: DatabaseDriver) => () => {
  const pgSchema = uniqueSchemaName('t_mod');
  let app: INestApplicationContext;
  let repository: FixtureRepository;
  let connection: DatabaseConnection;

  // A skipped describe still builds its options, hence a placeholder URL when there is no Postgres.
  const options: PersistenceModuleOptions =
    driver === 'postgres'
      ? {
          service: 'fixture',
          schema,
          migrationsFolder: FIXTURE_MIGRATIONS,
          url: withSchemaParam(POSTGRES_URL ?? 'postgres://skipped', pgSchema),
        }
      : { service: 'fixture', schema, migrationsFolder: FIXTURE_MIGRATIONS, driver: 'pglite', dataDir: ':memory:' };

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(appModule(PersistenceModule.forRoot(options)), { logger: false });
    repository = app.get(FixtureRepository);
    connection = app.get(DATABASE_CONNECTION);
  });

  afterAll(async () => {
    await app?.close();
    if (driver === 'postgres') {
      const pool = new Pool({ connectionString: withSchemaParam(process.env.DATABASE_URL as string, undefined) });
      await pool.query(`drop schema if exists "${pgSchema}" cascade`);
      await pool.end();
    }
  });

  it('applies every migration at start-up, recorded in the migrations table', async () => {
    const db = app.get<Database>(DATABASE);
    const rows = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(connection.migrationsSchema)}.__drizzle_migrations`,
    );

    expect(connection.driver).toBe(driver);
    expect(rows[0].n).toBe(FIXTURE_MIGRATION_COUNT);
  });

  it('inserts with returning and reads the row back with select … where', async () => {
    const created = await repository.addUser('ada@example.test', 'Ada');
    const found = await repository.findUser('ada@example.test');

    expect(created).toMatchObject({ id: expect.any(Number), email: 'ada@example.test', displayName: 'Ada' });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(found).toEqual(created);
  });

  it('skips a duplicate with onConflictDoNothing', async () => {
    const first = await repository.addUserIfAbsent('grace@example.test');
    const second = await repository.addUserIfAbsent('grace@example.test');

    expect(first?.email).toBe('grace@example.test');
    expect(second).toBeUndefined();
    expect(await repository.countUsers()).toBe(2);
  });

  it('commits a transaction as a whole, including the enum default and foreign key', async () => {
    const { user, note } = await repository.addUserWithNote('linus@example.test', 'hello');
    const withNotes = await repository.notesOf('linus@example.test');

    expect(note).toMatchObject({ userId: user.id, body: 'hello', status: 'draft' });
    expect(withNotes?.notes).toEqual([note]);
  });

  it('rolls a failed transaction back entirely', async () => {
    await expect(repository.addUserWithNote('ken@example.test', 'lost', true)).rejects.toThrow(
      'rolled back on purpose',
    );

    expect(await repository.findUser('ken@example.test')).toBeUndefined();
    expect(await repository.countUsers()).toBe(3);
  });

  it('reports up with the driver and the applied migration count', async () => {
    const result = await app.get(DatabaseHealthIndicator).isHealthy('db');

    expect(result).toEqual({ db: { status: 'up', driver, migrations: FIXTURE_MIGRATION_COUNT } });
  });

  if (driver === 'postgres') {
    it('creates its tables in the URL schema, not in public', async () => {
      const pool = new Pool({ connectionString: withSchemaParam(process.env.DATABASE_URL as string, undefined) });
      const { rows } = await pool.query<{ table_schema: string; table_name: string }>(
        `select table_schema, table_name from information_schema.tables
          where table_name in ('users', 'notes', '__drizzle_migrations') and table_schema = $1 order by table_name`,
        [pgSchema],
      );
      await pool.end();

      expect(rows.map((row) => row.table_name)).toEqual(['__drizzle_migrations', 'notes', 'users']);
      expect(connection.schema).toBe(pgSchema);
    });
  }

  it('closes the database exactly once on shutdown, after which health is down', async () => {
    const end = driver === 'postgres' ? jest.spyOn(Pool.prototype, 'end') : jest.spyOn(PGlite.prototype, 'close');
    const health = app.get(DatabaseHealthIndicator);

    await app.close();
    await connection.close();
    const result = await health.isHealthy('db');

    expect(end).toHaveBeenCalledTimes(1);
    expect(result.db.status).toBe('down');
    expect(result.db).toMatchObject({ driver, message: expect.any(String) });
    end.mockRestore();
  });
};

describe('PersistenceModule on pglite', suite('pglite'));
(POSTGRES_URL ? describe : describe.skip)('PersistenceModule on postgres [real peer: Postgres]', suite('postgres'));

describe(DatabaseHealthIndicator.name, () => {
  it('reports down while fewer migrations are applied than the app ships', async () => {
    const app = await NestFactory.createApplicationContext(
      appModule(
        PersistenceModule.forRoot({
          service: 'fixture',
          schema,
          migrationsFolder: FIXTURE_MIGRATIONS,
          driver: 'pglite',
          dataDir: ':memory:',
        }),
      ),
      { logger: false },
    );
    const connection = app.get<DatabaseConnection>(DATABASE_CONNECTION);
    // A newer image rolled out against a database some other process rewound.
    await connection.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );

    const result = await app.get(DatabaseHealthIndicator).isHealthy();
    await app.close();

    expect(result).toEqual({
      database: {
        status: 'down',
        driver: 'pglite',
        migrations: FIXTURE_MIGRATION_COUNT - 1,
        expected: FIXTURE_MIGRATION_COUNT,
        message: 'migrations pending',
      },
    });
  });
});
