export { PersistenceModule } from './persistence.module';
export type { PersistenceModuleOptions } from './persistence.options';
export { DATABASE, DATABASE_CONNECTION } from './persistence.constants';
export { InjectDatabase } from './inject-database.decorator';
export type { Database, DatabaseConnection, DatabaseDriver } from './database.types';
export { DatabaseHealthIndicator } from './database.health';
export { redactUrl } from './database-url.util';
