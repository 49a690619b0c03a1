export {
  closeTestDatabaseTemplates,
  createTestDatabase,
  uniqueSchemaName,
  withSchemaParam,
  type TestDatabase,
  type TestDatabaseOptions,
} from './testing/test-database';
export { overrideDatabase, type OverridableModuleBuilder } from './testing/override-database';
export { isolateDatabaseUrl, type IsolatedDatabaseUrl } from './testing/isolated-database-url';
export { postgresUrlForTests } from './testing/postgres-url-for-tests';
export { describeOnEachDatabase, type DatabaseBed, type DatabaseBedOptions } from './testing/describe-on-each-database';
