export {
  closeTestDatabaseTemplates,
  createTestDatabase,
  uniqueSchemaName,
  withSchemaParam,
  type TestDatabase,
  type TestDatabaseOptions,
} from './testing/test-database';
export { overrideDatabase, type OverridableModuleBuilder } from './testing/override-database';
