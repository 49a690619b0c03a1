import { signTestToken } from '@keel/platform/testing';
import { callJson as call } from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';

/**
 * The newcomer's path: no DATABASE_URL, so the service runs on embedded PGlite. Runs in CI too,
 * where the other suites use the machine's Postgres.
 */
describe('project service on embedded storage (e2e)', () => {
  let bed: ProjectTestBed;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    bed = await startProjectTestBed();
  });

  afterAll(async () => {
    await bed?.close();
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  });

  it('stores and reads projects, and reports the pglite driver as ready', async () => {
    const token = await signTestToken({ sub: 'u1' });

    const created = await call(bed.service.url, 'POST', '/api/v1/projects', { token, body: { name: 'Embedded' } });
    const read = await call(bed.service.url, 'GET', `/api/v1/projects/${created.body.id}`, { token });
    const ready = await call(bed.service.url, 'GET', '/api/health/ready');

    expect(created.status).toBe(201);
    expect(read.body).toEqual(created.body);
    expect(ready.status).toBe(200);
    expect(ready.body.details.database).toMatchObject({ status: 'up', driver: 'pglite' });
  });
});
