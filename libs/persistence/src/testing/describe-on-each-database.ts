import type { DatabaseDriver } from '../database.types';
import { postgresUrlForTests } from './postgres-url-for-tests';
import { closeTestDatabaseTemplates, createTestDatabase, type TestDatabase } from './test-database';

export interface DatabaseBedOptions<TSchema extends Record<string, unknown>> {
  schema: TSchema;
  migrationsFolder: string;
  /**
   * `'file'` (default): one database per driver, opened before the block and closed after it; the
   * spec empties its tables in its own `beforeEach`. `'test'`: a fresh database for every test, for
   * specs whose rows or clocks must not leak between tests (a PGlite clone costs about a second).
   */
  freshPer?: 'file' | 'test';
}

/** The database of the block being run: read its fields inside hooks and tests, not at collection. */
export interface DatabaseBed<TSchema extends Record<string, unknown>> {
  readonly driver: DatabaseDriver;
  readonly database: TestDatabase<TSchema>;
  readonly db: TestDatabase<TSchema>['db'];
}

/**
 * The frame of a repository's integration spec: runs `body` once against PGlite, always, and once
 * against Postgres when DATABASE_URL names one (CI), so the queries must behave alike on both. The
 * Postgres block is tagged `[real peer: Postgres]` for npm test's closing line; without DATABASE_URL
 * it skips with a notice (and fails in CI, see `postgresUrlForTests`). Call it at a spec's top level:
 * it registers its own Jest hooks, and `body` holds only the spec's fixtures and assertions.
 */
export function describeOnEachDatabase<TSchema extends Record<string, unknown>>(
  title: string,
  options: DatabaseBedOptions<TSchema>,
  body: (bed: DatabaseBed<TSchema>) => void,
): void {
  // The file's PGlite template would otherwise keep Jest from exiting.
  afterAll(() => closeTestDatabaseTemplates());

  describe(`${title} on pglite (integration)`, () => body(databaseBed('pglite', options)));

  const url = postgresUrlForTests(title);
  (url ? describe : describe.skip)(`${title} on postgres (integration) [real peer: Postgres]`, () =>
    body(databaseBed('postgres', { ...options, url })),
  );
}

function databaseBed<TSchema extends Record<string, unknown>>(
  driver: DatabaseDriver,
  options: DatabaseBedOptions<TSchema> & { url?: string },
): DatabaseBed<TSchema> {
  let database: TestDatabase<TSchema> | undefined;
  const open = async () => {
    database = await createTestDatabase({
      schema: options.schema,
      migrationsFolder: options.migrationsFolder,
      url: options.url,
      driver,
    });
  };
  const close = async () => {
    await database?.close();
    database = undefined;
  };
  if (options.freshPer === 'test') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }

  const current = () => {
    if (!database) throw new Error(`describeOnEachDatabase: no ${driver} database outside a hook or test`);
    return database;
  };
  return {
    driver,
    get database() {
      return current();
    },
    get db() {
      return current().db;
    },
  };
}
