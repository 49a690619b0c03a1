import { maxInWindow } from '@keel/sandbox';
import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

describe('media-acquisition against Prowlarr’s rate limit (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    // The default PROWLARR_SERVICE_RATE_LIMIT: 60 calls in any minute.
    bed = await startMediaTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('never sends Prowlarr more than 60 searches a minute; the extra ones fail with a rate-limit error', async () => {
    // Arrange: 14 movies × 5 indexers = 70 Prowlarr searches, none cached
    const ids: string[] = [];
    for (let i = 0; i < 14; i++)
      ids.push((await bed.call('POST', '/api/v1/movies', { title: `Rate Limit Probe ${i}`, year: 2000 + i })).body.id);
    await bed.indexers.resetSearchLog();

    // Act
    const answers = await Promise.all(ids.map((id) => bed.call('POST', `/api/v1/movies/${id}/search`)));

    // Assert
    const log = await bed.indexers.searchLog();
    expect(
      maxInWindow(
        log.map((e) => e.at),
        60_000,
      ),
    ).toBeLessThanOrEqual(60);
    expect(log.length).toBeGreaterThanOrEqual(55);
    const limited = answers.filter((a) => a.status === 503 || a.body.degraded === true);
    expect(limited.length).toBeGreaterThan(0);
    // Each search's five calls queue together, so the last searches find no slot left at all.
    const refused = answers.find((a) => a.status === 503);
    expect(refused?.body.type).toBe('urn:keel:problem:downstream-rate-limited');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    const prowlarr = (await bed.call('GET', '/api/system/status')).body.circuits.find(
      (c: { name: string }) => c.name === 'prowlarr',
    );
    expect(prowlarr.rateLimit).toMatchObject({ limit: 60, used: 60 });
  });
});
