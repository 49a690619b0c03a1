import { callJson } from '@keel/platform/testing';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const API_KEY = 'b4e2d1cf6a8f5e3a0b9c7d5e3f1a2b4c';

/**
 * RSS sync on the sandbox: a wanted movie that no indexer has; a new release of it appears on an
 * indexer's feed; RSS sync, run by Radarr's `RssSync` command, grabs it from the feed and it is
 * imported. Releases of unknown titles and of unmonitored movies are not grabbed, and a second sync
 * grabs nothing twice.
 */
describe('media-acquisition RSS sync (e2e)', () => {
  let bed: MediaTestBed;
  const rssJob = async () =>
    (await bed.call('GET', '/api/system/status')).body.jobs.find((j: { name: string }) => j.name === 'rss-sync');
  /** Waits until this replica has finished more than `runs` RSS syncs, and answers the job's status. */
  const syncedPast = (runs: number) =>
    eventually(async () => ((await rssJob()).runsHere > runs ? rssJob() : undefined), 20_000, 'an RSS sync to finish');
  const torrentNames = () => [...bed.qbittorrent.store.torrents.values()].map((t) => t.name);

  beforeAll(async () => {
    // An hour apart: the schedule runs it once at start; the test runs it by command.
    bed = await startMediaTestBed({ MEDIA_RSS_SYNC_INTERVAL: '1h', MEDIA_API_KEY: API_KEY });
    await syncedPast(0);
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('grabs, imports a wanted movie’s new release from a feed; leaves unknown titles, unmonitored movies', async () => {
    // Arrange: wanted, monitored, and no indexer has a release of it.
    const wanted = (await bed.call('POST', '/api/v1/movies', { title: 'Oppenheimer', year: 2023, searchOnAdd: false }))
      .body;
    const unmonitored = (
      await bed.call('POST', '/api/v1/movies', { title: 'Barbie', year: 2023, monitored: false, searchOnAdd: false })
    ).body;
    const searched = await bed.call('POST', `/api/v1/movies/${wanted.id}/search`);
    const runsBefore = (await rssJob()).runsHere;
    // Then a tracker uploads it, along with a film nobody wants and one the user unmonitored.
    const release = await bed.indexers.publishRelease({
      indexerId: 1,
      title: 'Oppenheimer.2023.1080p.BluRay.x264-SPARKS',
      seeders: 250,
    });
    await bed.indexers.publishRelease({
      indexerId: 2,
      title: 'Some.Unknown.Film.2023.1080p.BluRay.x264-GRP',
      kind: 'magnet',
    });
    await bed.indexers.publishRelease({ indexerId: 5, title: 'Barbie.2023.1080p.BluRay.x264-SPARKS' });
    await bed.indexers.resetSearchLog();

    // Act
    const command = await callJson(bed.service.url, 'POST', '/api/v3/command', {
      body: { name: 'RssSync' },
      headers: { 'x-api-key': API_KEY },
    });
    const job = await syncedPast(runsBefore);
    const imported = await eventually(
      async () => {
        const movie = (await bed.call('GET', `/api/v1/movies/${wanted.id}`)).body;
        return movie.file ? movie : undefined;
      },
      20_000,
      'the RSS grab to be imported',
    );

    // Assert
    expect(searched.body.releases).toEqual([]);
    expect(command.status).toBe(201);
    expect(command.body).toMatchObject({ name: 'RssSync', message: 'RSS sync started' });
    expect(job).toMatchObject({
      enabled: true,
      lastResultHere: expect.stringMatching(/^5 feeds, \d+ releases, 1 movie\(s\) matched, 1 grabbed$/),
      lastRun: expect.any(String),
      nextRun: expect.any(String),
      lastRunBy: expect.any(String),
    });
    expect(Date.parse(job.nextRun) - Date.parse(job.lastRun)).toBe(3_600_000);
    // One feed read per indexer, each an empty type=search query: no search of the movie.
    const reads = (await bed.indexers.searchLog()).map((entry) => new URLSearchParams(entry.url.split('?')[1]));
    expect(reads.map((q) => [q.get('query'), q.get('type'), q.getAll('indexerIds')])).toEqual(
      [1, 2, 3, 4, 5].map((id) => ['', 'search', [String(id)]]),
    );
    expect(imported.download).toMatchObject({
      releaseTitle: release.title,
      downloadId: release.infoHash.toUpperCase(),
      indexer: '1337x',
      state: 'imported',
    });
    expect(imported.file).toMatchObject({ quality: 'Bluray-1080p', releaseTitle: release.title });
    expect(torrentNames()).toEqual([`${release.title}.mkv`]);
    expect((await bed.call('GET', `/api/v1/movies/${unmonitored.id}`)).body).toMatchObject({
      status: 'wanted',
      monitored: false,
    });
    expect((await bed.call('GET', `/api/v1/movies/${unmonitored.id}`)).body.download).toBeUndefined();
  });

  it('grabs nothing twice: a second sync finds the same release already imported', async () => {
    // Arrange
    const runsBefore = (await rssJob()).runsHere;

    // Act
    const run = await bed.call('POST', '/api/v1/jobs/rss-sync/run');
    const job = await syncedPast(runsBefore);
    const movies = (await bed.call('GET', '/api/v1/movies')).body.items;
    const oppenheimer = movies.find((m: { title: string }) => m.title === 'Oppenheimer');
    const history = (await bed.call('GET', `/api/v1/movies/${oppenheimer.id}/history`)).body.items;
    const metrics = await (await fetch(`${bed.service.url}/metrics`)).text();
    const notAJob = await bed.call('POST', '/api/v1/jobs/backup/run');

    // Assert
    expect(run.status).toBe(202);
    expect(run.body).toEqual({ name: 'rss-sync', status: 'started' });
    expect(job.lastResultHere).toMatch(/^5 feeds, \d+ releases, 1 movie\(s\) matched, 0 grabbed$/);
    expect(history.filter((h: { event: string }) => h.event === 'grabbed')).toHaveLength(1);
    expect(torrentNames()).toHaveLength(1);
    expect(metrics).toMatch(/^media_grabs_total\{trigger="rss"\} 1$/m);
    expect(notAJob.status).toBe(400);
  });
});
