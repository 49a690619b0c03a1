import { Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { databaseUrlFromEnv } from './database.config';
import { parseDatabaseUrl, redactUrl } from './database-url.util';
import type { DatabaseConnection, DatabaseDriver } from './database.types';
import { isInMemoryDataDir, openPglite } from './pglite.connection';
import type { PersistenceModuleOptions } from './persistence.options';
import { openPostgres } from './postgres.connection';

const logger = new Logger('Persistence');

export function resolveDriver(options: Pick<PersistenceModuleOptions, 'url' | 'driver'>): {
  driver: DatabaseDriver;
  url?: string;
} {
  const url = options.url || databaseUrlFromEnv();
  const driver = options.driver ?? (url ? 'postgres' : 'pglite');
  if (driver === 'postgres' && !url) throw new Error('Persistence driver "postgres" needs `url` or DATABASE_URL');
  return { driver, url };
}

/** Opens the service's database and applies its migrations; the app must not serve before this resolves. */
export async function openDatabase(options: PersistenceModuleOptions): Promise<DatabaseConnection> {
  const started = performance.now();
  const { driver, url } = resolveDriver(options);

  if (driver === 'postgres') {
    const { connection, migrations } = await openPostgres({
      url: url as string,
      schema: options.schema,
      migrationsFolder: options.migrationsFolder,
      applicationName: options.service,
    });
    logger.log({
      msg: 'database ready',
      service: options.service,
      driver,
      url: redactUrl(parseDatabaseUrl(url as string).connectionString),
      schema: connection.schema,
      migrationsApplied: migrations.ran,
      migrationsTotal: migrations.expected,
      durationMs: Math.round(performance.now() - started),
    });
    return connection;
  }

  const dataDir = options.dataDir ?? join('data', options.service);
  const { connection, migrations } = await openPglite({
    schema: options.schema,
    migrationsFolder: options.migrationsFolder,
    dataDir,
  });
  logger.log({
    msg: 'database ready',
    service: options.service,
    driver,
    dataDir: isInMemoryDataDir(dataDir) ? 'memory' : resolve(dataDir),
    migrationsApplied: migrations.ran,
    migrationsTotal: migrations.expected,
    durationMs: Math.round(performance.now() - started),
  });
  return connection;
}
