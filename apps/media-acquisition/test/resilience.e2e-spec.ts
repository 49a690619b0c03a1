import { statSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const movie = (title: string, year: number, imdbId: string, tmdbId: number) => ({ title, year, imdbId, tmdbId });
const INCEPTION = movie('Inception', 2010, 'tt1375666', 27205);
const DUNE = movie('Dune', 2021, 'tt1160419', 438631);
const MATRIX = movie('The Matrix', 1999, 'tt0133093', 603);
const ARRIVAL = movie('Arrival', 2016, 'tt2543164', 329865);

async function addMovie(bed: MediaTestBed, body: object): Promise<string> {
  const created = await bed.call('POST', '/api/v1/movies', body);
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function history(bed: MediaTestBed, movieId: string) {
  return (await bed.call('GET', `/api/v1/movies/${movieId}`)).body;
}

describe('media-acquisition under failure (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed({ QBT_DOWNLOAD_MS: '3000' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  afterEach(async () => {
    await bed.prowlarrFaults.heal();
    await bed.indexers.resetIndexers();
  });

  it('answers 503 problem+json with Retry-After when Prowlarr is down, without hanging', async () => {
    // Arrange
    const id = await addMovie(bed, ARRIVAL);
    await bed.prowlarrFaults.inject({ mode: 'error', status: 503, retryAfterSeconds: 7 });

    // Act
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);

    // Assert
    expect(search.status).toBe(503);
    expect(search.headers.get('content-type')).toMatch(/application\/problem\+json/);
    // Prowlarr's own Retry-After, though the search's deadline ended before the client could retry.
    expect(search.headers.get('retry-after')).toBe('7');
    expect(search.body).toMatchObject({ status: 503, downstream: 'prowlarr' });
  });

  it('returns the other indexers’ results when one indexer is slower than the per-indexer timeout', async () => {
    // Arrange
    const id = await addMovie(bed, MATRIX);
    await bed.indexers.setIndexer(2, { latencyMs: 10_000 });

    // Act
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);

    // Assert
    expect(search.status).toBe(200);
    expect(search.body.degraded).toBe(true);
    const outcomes = Object.fromEntries(
      search.body.indexers.map((i: { indexerId: number; outcome: string }) => [i.indexerId, i.outcome]),
    );
    expect(outcomes[2]).toBe('timeout');
    expect(Object.values(outcomes).filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(3);
    expect(search.body.releases.length).toBeGreaterThan(0);
    expect(search.body.releases.every((r: { indexerId: number }) => r.indexerId !== 2)).toBe(true);
  });

  it('skips a release its indexer no longer has: blocklists it and grabs the next best', async () => {
    // Arrange: the Matrix was searched above; its best release's download link now answers 410
    const id = (await bed.call('GET', '/api/v1/movies')).body.items.find(
      (m: { title: string }) => m.title === 'The Matrix',
    ).id as string;
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);
    const best = search.body.releases[0] as { title: string; indexer: string; indexerId: number };
    await bed.prowlarrFaults.inject({ mode: 'error', status: 410, path: `/${best.indexerId}/download` });

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});

    // Assert
    expect(grab.status).toBe(201);
    expect(grab.body.indexer).not.toBe(best.indexer);
    const after = await bed.call('POST', `/api/v1/movies/${id}/search`);
    const gone = after.body.releases.find((r: { title: string }) => r.title === best.title);
    expect(gone.rejections.map((r: { code: string }) => r.code)).toContain('blocklisted');
  });

  it('blocklists a failed download and grabs the next best release', async () => {
    // Arrange
    const id = await addMovie(bed, INCEPTION);
    const first = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    expect(first.status).toBe(201);

    // Act
    bed.qbittorrent.setTorrentState(first.body.downloadId.toLowerCase(), 'error');

    // Assert
    const next = await eventually(
      async () => {
        const m = await history(bed, id);
        return m.download && m.download.downloadId !== first.body.downloadId ? m.download : undefined;
      },
      20_000,
      'the re-grab',
    );
    expect(next.releaseTitle).not.toBe(first.body.releaseTitle);
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);
    const blocked = search.body.releases.find((r: { title: string }) => r.title === first.body.releaseTitle);
    expect(blocked.approved).toBe(false);
    expect(blocked.rejections.map((r: { code: string }) => r.code)).toContain('blocklisted');
  });

  it('finishes a grab after qBittorrent restarts mid-download', async () => {
    // Arrange
    const id = await addMovie(bed, DUNE);
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    expect(grab.status).toBe(201);
    await eventually(
      async () => ((await history(bed, id)).download.progress > 0 ? true : undefined),
      20_000,
      'some progress',
    );

    // Act: qBittorrent goes away for a few polls, then comes back with its torrents but no sessions
    await bed.restartQbittorrent(() => new Promise((resolve) => setTimeout(resolve, 1_000)));

    // Assert
    const imported = await eventually(
      async () => {
        const m = await history(bed, id);
        return m.file ? m : undefined;
      },
      30_000,
      'the import after the restart',
    );
    expect(imported.download.state).toBe('imported');
    expect(statSync(join(bed.libraryRoot, imported.file.relativePath)).nlink).toBe(2);
  });
});
