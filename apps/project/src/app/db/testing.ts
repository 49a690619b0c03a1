// The repositories' integration specs: the project service's own database, emptied between tests.
import type { TestDatabase } from '@keel/persistence/testing';
import type * as schema from './schema';
import { projects } from './schema';

export type ProjectDatabase = TestDatabase<typeof schema>;

/** Empties every table between tests: members, comments and links go with their project (ON DELETE CASCADE). */
export async function emptyProjectTables(database: ProjectDatabase): Promise<void> {
  await database.db.delete(projects);
}
