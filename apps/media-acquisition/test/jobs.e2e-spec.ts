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

  it('grabs a wanted movie by itself, leaves an unmonitored one alone, shows the job’s last and next run', async () => {
    // Arrange: added without search on add; nobody asks for a grab. Dune has approved releases too, but is unmonitored.
    const unmonitored = await bed.call('POST', '/api/v1/movies', {
      title: 'Dune',
      year: 2021,
      imdbId: 'tt1160419',
      monitored: false,
      searchOnAdd: false,
    });
    const added = await bed.call('POST', '/api/v1/movies', {
      title: 'Inception',
      year: 2010,
      imdbId: 'tt1375666',
      searchOnAdd: false,
    });

    // Act
    const grabbed = await eventually(
      async () => {
        const movie = (await bed.call('GET', `/api/v1/movies/${added.body.id}`)).body;
        return movie.download ? movie : undefined;
      },
      20_000,
      'the missing search to grab the movie',
    );
    const status = await bed.call('GET', '/api/system/status');
    // A run that starts after the grab has seen both movies.
    const runsAfterGrab = status.body.jobs.find((j: { name: string }) => j.name === 'missing-search').runsHere;
    await eventually(
      async () =>
        (await bed.call('GET', '/api/system/status')).body.jobs.find(
          (j: { name: string }) => j.name === 'missing-search',
        ).runsHere >
        runsAfterGrab + 1
          ? true
          : undefined,
      20_000,
      'two more runs',
    );
    const dune = (await bed.call('GET', `/api/v1/movies/${unmonitored.body.id}`)).body;

    // Assert
    expect(added.status).toBe(201);
    expect(grabbed.download).toMatchObject({
      state: expect.stringMatching(/downloading|importPending|importing|imported/),
    });
    const job = status.body.jobs.find((j: { name: string }) => j.name === 'missing-search');
    expect(job).toMatchObject({
      enabled: true,
      intervalMs: 1000,
      lastRun: expect.any(String),
      nextRun: expect.any(String),
      lastRunBy: expect.any(String),
    });
    expect(Date.parse(job.nextRun) - Date.parse(job.lastRun)).toBe(1000);
    expect(dune).toMatchObject({ status: 'wanted', monitored: false });
    expect(dune.download).toBeUndefined();
  });
});
