import { signTestToken, callJson as call } from '@keel/platform/testing';
import { sandboxControl, startLibraryEmulator } from '@keel/sandbox';
import type { RunningEmulator } from '@keel/sandbox';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

/**
 * The library as three instances (three real emulators), one of which answers 503 to everything:
 * download changes nothing, its library client balances, ejects and retries elsewhere.
 */
describe('download with three library instances, one sick (e2e)', () => {
  let bed: DownloadTestBed;
  let more: RunningEmulator[];

  beforeAll(async () => {
    more = await Promise.all([0, 1].map(() => startLibraryEmulator({ port: 0 })));
    bed = await startDownloadTestBed(
      {},
      {
        env: (library) => ({
          LIBRARY_SERVICE_URLS: [library, ...more.map((m) => m.url)].join(','),
          LIBRARY_SERVICE_OUTLIER_EJECTION: '1m',
        }),
      },
    );
    await sandboxControl(more[0].url).inject({ mode: 'error', status: 503 });
  });

  afterAll(async () => {
    await bed?.close();
    await Promise.all(more.map((m) => m.close()));
  });

  it('serves every download, stops calling the sick instance once ejected, and keeps the circuit closed', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });
    const sick = sandboxControl(more[0].url);
    const start = () => call(bed.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' } });

    // Act
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await start()).status);
    const health = await call(bed.service.url, 'GET', '/api/health');
    const sickBefore = (await sick.stats()).requests;
    for (let i = 0; i < 20; i++) statuses.push((await start()).status);
    const sickAfter = (await sick.stats()).requests;

    // Assert
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const library = health.body.details.library;
    expect(library.breaker).toBe('closed');
    expect(library.instances).toHaveLength(3);
    expect(library.instances.find((i: { url: string }) => i.url === more[0].url)).toMatchObject({
      state: 'ejected',
      ejections: 1,
    });
    expect(sickAfter).toBe(sickBefore);
  });
});
