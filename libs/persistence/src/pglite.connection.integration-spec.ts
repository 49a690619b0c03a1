import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './database.factory';
import { countAppliedMigrations } from './database.migrator';
import type { DatabaseConnection } from './database.types';
import { FIXTURE_MIGRATION_COUNT, FIXTURE_MIGRATIONS } from './test-fixtures/fixture.constants';
import * as schema from './test-fixtures/fixture.schema';
import { users } from './test-fixtures/fixture.schema';

// A data dir is what a laptop run of a service uses (./data/<service>): it must survive a restart.
describe('PGlite data dir', () => {
  const root = mkdtempSync(join(tmpdir(), 'keel-pglite-'));
  // Two missing levels, as ./data/<service> is on a fresh checkout.
  const dataDir = join(root, 'data', 'fixture');
  const open = () =>
    openDatabase({
      service: 'fixture',
      schema,
      migrationsFolder: FIXTURE_MIGRATIONS,
      driver: 'pglite',
      dataDir,
    }) as Promise<DatabaseConnection<typeof schema>>;

  const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

  afterAll(() => {
    log.mockRestore();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps rows across a close and reopen, and does not re-apply migrations', async () => {
    const first = await open();
    await first.db.insert(users).values({ email: 'persisted@example.test' });
    await first.close();

    const second = await open();
    const rows = await second.db.select({ email: users.email }).from(users);
    const applied = await countAppliedMigrations(second.db, second.migrationsSchema);
    await second.close();

    expect(rows).toEqual([{ email: 'persisted@example.test' }]);
    expect(applied).toBe(FIXTURE_MIGRATION_COUNT);
    expect(second.migrationsExpected).toBe(FIXTURE_MIGRATION_COUNT);
    expect(log.mock.calls.map(([line]) => line.migrationsApplied)).toEqual([FIXTURE_MIGRATION_COUNT, 0]);
  });
});
