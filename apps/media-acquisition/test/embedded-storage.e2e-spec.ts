import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

/**
 * The newcomer's path: no DATABASE_URL, so the service keeps its data in PGlite under
 * MEDIA_DATA_DIR. Runs in CI too, where the other suites use the machine's Postgres.
 */
describe('media-acquisition on embedded storage (e2e)', () => {
  let bed: MediaTestBed;
  let dataRoot: string;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dataRoot = mkdtempSync(join(tmpdir(), 'keel-media-pglite-'));
    bed = await startMediaTestBed({ MEDIA_DATA_DIR: join(dataRoot, 'pglite') });
  });

  afterAll(async () => {
    await bed?.close();
    rmSync(dataRoot, { recursive: true, force: true });
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  });

  it('keeps movies across a restart and seeds the default quality profile only once', async () => {
    // Arrange
    const created = await bed.call('POST', '/api/v1/movies', { title: 'Arrival', year: 2016, imdbId: 'tt2543164' });
    const readyBefore = await bed.call('GET', '/api/health/ready');
    const profilesBefore = await bed.call('GET', '/api/v1/quality-profiles');

    // Act
    await bed.restartService();
    const read = await bed.call('GET', `/api/v1/movies/${created.body.id}`);
    const list = await bed.call('GET', '/api/v1/movies');
    const profiles = await bed.call('GET', '/api/v1/quality-profiles');
    const readyAfter = await bed.call('GET', '/api/health/ready');

    // Assert: the data lives in MEDIA_DATA_DIR, on PGlite
    expect(created.status).toBe(201);
    expect(readyBefore.body.details.database).toMatchObject({ status: 'up', driver: 'pglite' });
    expect(readyAfter.body.details.database).toMatchObject({ status: 'up', driver: 'pglite' });
    expect(existsSync(join(dataRoot, 'pglite'))).toBe(true);
    expect(readdirSync(join(dataRoot, 'pglite')).length).toBeGreaterThan(0);

    // Assert: the movie survived the restart, unchanged
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      title: 'Arrival',
      year: 2016,
      imdbId: 'tt2543164',
      status: 'wanted',
      qualityProfile: 'HD-1080p',
    });
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([created.body.id]);

    // Assert: the second start found the default profile (same id) and did not add another
    expect(profiles.status).toBe(200);
    const defaults = profiles.body.items.filter((p: { isDefault: boolean }) => p.isDefault);
    expect(defaults).toHaveLength(1);
    expect(profiles.body.items).toHaveLength(1);
    expect(defaults[0].id).toBe(profilesBefore.body.items.find((p: { isDefault: boolean }) => p.isDefault).id);
  });
});
