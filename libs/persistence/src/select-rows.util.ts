import type { SQL } from 'drizzle-orm';
import type { Database } from './database.types';

/** `db.execute` is typed per driver; both pglite and node-postgres results carry `rows`. */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
