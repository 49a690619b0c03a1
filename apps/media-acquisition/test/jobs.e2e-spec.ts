import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

/** The scheduled missing-movie search, once per interval, shown in /api/system/status. */
describe('media-acquisition scheduled jobs (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed({ MEDIA_MISSING_SEARCH_INTERVAL: '1s', MEDIA_MISSING_SEARCH_PAUSE: '10ms' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('grabs a wanted movie by itself, and shows the job’s last and next run', async () => {
    // Arrange: added without search on add; nobody asks for a grab.
    const added = await bed.call('POST', '/api/v1/movies', { title: 'Inception', year: 2010, imdbId: 'tt1375666', searchOnAdd: false });

    // Act
    const grabbed = await eventually(async () => {
      const movie = (await bed.call('GET', `/api/v1/movies/${added.body.id}`)).body;
      return movie.download ? movie : undefined;
    }, 20_000, 'the missing search to grab the movie');
    const status = await bed.call('GET', '/api/system/status');

    // Assert
    expect(added.status).toBe(201);
    expect(grabbed.download).toMatchObject({ state: expect.stringMatching(/downloading|importPending|importing|imported/) });
    const job = status.body.jobs.find((j: { name: string }) => j.name === 'missing-search');
    expect(job).toMatchObject({ enabled: true, intervalMs: 1000, lastRun: expect.any(String), nextRun: expect.any(String), lastRunBy: expect.any(String) });
    expect(Date.parse(job.nextRun) - Date.parse(job.lastRun)).toBe(1000);
  });
});
