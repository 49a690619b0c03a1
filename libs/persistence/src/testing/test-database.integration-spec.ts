import { sql } from 'drizzle-orm';
import { countAppliedMigrations } from '../database.migrator';
import { selectRows } from '../select-rows.util';
import { FIXTURE_MIGRATION_COUNT, FIXTURE_MIGRATIONS } from '../test-fixtures/fixture.constants';
import * as schema from '../test-fixtures/fixture.schema';
import { users } from '../test-fixtures/fixture.schema';
import { postgresUrlForTests } from './postgres-url-for-tests';
import { closeTestDatabaseTemplates, createTestDatabase, type TestDatabase } from './test-database';

// Forced to PGlite so the embedded path is covered even where CI sets DATABASE_URL.
describe('createTestDatabase on pglite', () => {
  let a: TestDatabase<typeof schema>;
  let b: TestDatabase<typeof schema>;

  beforeAll(async () => {
    a = await createTestDatabase({ schema, migrationsFolder: FIXTURE_MIGRATIONS, driver: 'pglite' });
    b = await createTestDatabase({ schema, migrationsFolder: FIXTURE_MIGRATIONS, driver: 'pglite' });
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await closeTestDatabaseTemplates();
  });

  it('hands out migrated clones', async () => {
    expect(a.driver).toBe('pglite');
    expect(await countAppliedMigrations(a.db, a.migrationsSchema)).toBe(FIXTURE_MIGRATION_COUNT);
    expect(await countAppliedMigrations(b.db, b.migrationsSchema)).toBe(FIXTURE_MIGRATION_COUNT);
  });

  it("keeps each clone's rows to itself", async () => {
    await a.db.insert(users).values({ email: 'only-in-a@example.test' });

    expect(await a.db.select({ email: users.email }).from(users)).toEqual([{ email: 'only-in-a@example.test' }]);
    expect(await b.db.select().from(users)).toEqual([]);
  });
});

const onPostgres = postgresUrlForTests('persistence: createTestDatabase') ? describe : describe.skip;

onPostgres('createTestDatabase on postgres [real peer: Postgres]', () => {
  let a: TestDatabase<typeof schema>;
  let b: TestDatabase<typeof schema>;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      createTestDatabase({ schema, migrationsFolder: FIXTURE_MIGRATIONS }),
      createTestDatabase({ schema, migrationsFolder: FIXTURE_MIGRATIONS }),
    ]);
  });

  afterAll(async () => Promise.all([a?.close(), b?.close()]));

  it('gives each call a schema of its own, migrated', async () => {
    expect(a.driver).toBe('postgres');
    expect(a.schema).toMatch(new RegExp(`^t_${process.pid}_[0-9a-f]{8}$`));
    expect(b.schema).not.toBe(a.schema);
    expect(await countAppliedMigrations(a.db, a.migrationsSchema)).toBe(FIXTURE_MIGRATION_COUNT);
    expect(await countAppliedMigrations(b.db, b.migrationsSchema)).toBe(FIXTURE_MIGRATION_COUNT);
  });

  it("keeps each schema's rows to itself", async () => {
    await a.db.insert(users).values({ email: 'only-in-a@example.test' });
    await b.db.insert(users).values([{ email: 'b1@example.test' }, { email: 'b2@example.test' }]);

    expect(await a.db.select({ email: users.email }).from(users)).toEqual([{ email: 'only-in-a@example.test' }]);
    expect(await b.db.select({ email: users.email }).from(users).orderBy(users.email)).toEqual([
      { email: 'b1@example.test' },
      { email: 'b2@example.test' },
    ]);
  });

  it('drops its schema on close, once', async () => {
    const extra = await createTestDatabase({ schema, migrationsFolder: FIXTURE_MIGRATIONS });
    const exists = async () =>
      (
        await selectRows<{ n: number }>(
          a.db,
          sql`select count(*)::int as n from pg_namespace where nspname = ${extra.schema}`,
        )
      )[0].n;
    const before = await exists();

    await Promise.all([extra.close(), extra.close()]);

    expect(before).toBe(1);
    expect(await exists()).toBe(0);
  });
});
