import type { Provider } from '@nestjs/common';
import { openDatabase } from './database.factory';
import type { DatabaseConnection } from './database.types';
import { DATABASE, DATABASE_CONNECTION } from './persistence.constants';
import { PERSISTENCE_OPTIONS } from './persistence.module-definition';
import type { PersistenceModuleOptions } from './persistence.options';

export const databaseProviders: Provider[] = [
  {
    provide: DATABASE_CONNECTION,
    // An async factory: Nest awaits it during init, so migrations finish before the app listens.
    useFactory: (options: PersistenceModuleOptions) => openDatabase(options),
    inject: [PERSISTENCE_OPTIONS],
  },
  {
    provide: DATABASE,
    useFactory: (connection: DatabaseConnection) => connection.db,
    inject: [DATABASE_CONNECTION],
  },
];
