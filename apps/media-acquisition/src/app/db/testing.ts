// Rows the repository integration specs stand on; not part of the build.
import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '@keel/persistence/testing';
import * as schema from './schema';
import type { MovieStatus } from './schema';

type MediaDb = TestDatabase<typeof schema>['db'];

/** A movie in `status`, under a quality profile of its own; returns the movie's id. */
export async function insertMovie(db: MediaDb, status: MovieStatus): Promise<string> {
  const now = new Date();
  const profileId = randomUUID();
  const movieId = randomUUID();
  await db.insert(schema.qualityProfiles).values({
    id: profileId,
    name: `p-${profileId}`,
    definition: { items: [], cutoff: 'Bluray-1080p', minSeeders: 1, preferIndexerFlags: false, upgradeAllowed: false },
    createdAt: now,
  });
  await db.insert(schema.movies).values({
    id: movieId,
    title: `Movie ${movieId}`,
    year: 2000,
    qualityProfileId: profileId,
    status,
    createdAt: now,
    updatedAt: now,
  });
  return movieId;
}
