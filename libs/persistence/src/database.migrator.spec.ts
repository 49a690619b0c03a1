import { readMigrations, retargetSchema } from './database.migrator';
import { FIXTURE_MIGRATION_COUNT, FIXTURE_MIGRATIONS } from './test-fixtures/fixture.constants';

describe('retargetSchema', () => {
  it('moves drizzle-kit\'s "public"-qualified names into the target schema', () => {
    const statement =
      'ALTER TABLE "notes" ADD CONSTRAINT "fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id")';

    expect(retargetSchema(statement, 't_1')).toBe(
      'ALTER TABLE "notes" ADD CONSTRAINT "fk" FOREIGN KEY ("user_id") REFERENCES "t_1"."users"("id")',
    );
  });

  it('leaves statements alone when the target is public', () => {
    const statement = 'CREATE TYPE "public"."note_status" AS ENUM(\'draft\')';

    expect(retargetSchema(statement, 'public')).toBe(statement);
  });
});

describe('readMigrations', () => {
  it('reads every journal entry and retargets its statements', () => {
    const migrations = readMigrations({ migrationsFolder: FIXTURE_MIGRATIONS, schema: 'svc', migrationsSchema: 'svc' });
    const statements = migrations.flatMap((migration) => migration.sql).join('\n');

    expect(migrations).toHaveLength(FIXTURE_MIGRATION_COUNT);
    expect(statements).toContain('CREATE TYPE "svc"."note_status"');
    expect(statements).toContain('REFERENCES "svc"."users"("id")');
    expect(statements).not.toContain('"public".');
  });

  it('fails fast on a folder without a drizzle-kit journal', () => {
    expect(() =>
      readMigrations({ migrationsFolder: __dirname, schema: 'public', migrationsSchema: 'drizzle' }),
    ).toThrow(/_journal\.json/);
  });
});
