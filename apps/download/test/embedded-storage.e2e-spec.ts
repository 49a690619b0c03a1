import { signTestToken } from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';
import { callJson as call } from '@keel/platform/testing';

/**
 * The newcomer's path: no DATABASE_URL, so the service runs on embedded PGlite. Runs in CI too,
 * where the other suites use the machine's Postgres.
 */
describe('download service on embedded storage (e2e)', () => {
  let bed: DownloadTestBed;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    bed = await startDownloadTestBed();
  });

  afterAll(async () => {
    await bed?.close();
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  });

  it('stores and reads sessions, and reports the pglite driver as ready', async () => {
    const token = await signTestToken({ sub: 'u1' });

    const created = await call(bed.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' } });
    const read = await call(bed.service.url, 'GET', `/api/v1/downloads/${created.body.id}`, { token });
    const ready = await call(bed.service.url, 'GET', '/api/health/ready');

    expect(created.status).toBe(201);
    // The download URL is signed afresh on every read (its expiry moves on), so it is compared by its unsigned part.
    const unsigned = (body: { downloadUrl: string }) => ({
      ...body,
      downloadUrl: body.downloadUrl.replace(/&expires=.*$/, ''),
    });
    expect(unsigned(read.body)).toEqual(unsigned(created.body));
    expect(read.body.downloadUrl).toMatch(/&expires=\d+&signature=[0-9a-f]{64}$/);
    expect(ready.status).toBe(200);
    expect(ready.body.details.database).toMatchObject({ status: 'up', driver: 'pglite' });
  });
});
