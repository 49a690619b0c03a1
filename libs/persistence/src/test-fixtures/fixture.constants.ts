import { join } from 'node:path';

export const FIXTURE_MIGRATIONS = join(__dirname, 'migrations');
/** 0000_init and 0001_user_display_name. */
export const FIXTURE_MIGRATION_COUNT = 2;
