export const DATABASE = 'KEEL:DATABASE';
export const DATABASE_CONNECTION = 'KEEL:DATABASE_CONNECTION';

export const MIGRATIONS_TABLE = '__drizzle_migrations';
// drizzle's own default, kept so a PGlite data dir stays readable by drizzle-kit's tooling.
export const DEFAULT_MIGRATIONS_SCHEMA = 'drizzle';
