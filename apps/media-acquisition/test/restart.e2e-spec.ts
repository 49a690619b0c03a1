import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

describe('media-acquisition restarted mid-download (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed({ QBT_DOWNLOAD_MS: '4000' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('picks the download up from the database and imports it once, and only once', async () => {
    // Arrange
    const created = await bed.call('POST', '/api/v1/movies', {
      title: 'Arrival',
      year: 2016,
      imdbId: 'tt2543164',
      tmdbId: 329865,
    });
    const id = created.body.id as string;
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    expect(grab.status).toBe(201);
    await eventually(
      async () => ((await bed.call('GET', `/api/v1/movies/${id}`)).body.download.progress > 0 ? true : undefined),
      20_000,
      'some progress',
    );

    // Act
    await bed.restartService();

    // Assert
    const movie = await eventually(
      async () => {
        const answer = await bed.call('GET', `/api/v1/movies/${id}`);
        return answer.body.file ? answer.body : undefined;
      },
      30_000,
      'the import after the restart',
    );
    expect(movie.download).toMatchObject({ downloadId: grab.body.downloadId, state: 'imported' });
    // Two more polls must not import it again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const folder = join(bed.libraryRoot, 'Arrival (2016)');
    expect(readdirSync(folder)).toEqual([movie.file.relativePath.split('/')[1]]);
    expect(statSync(join(bed.libraryRoot, movie.file.relativePath)).nlink).toBe(2);
    const events = (await bed.call('GET', `/api/v1/movies/${id}/history`)).body.items.map(
      (h: { event: string }) => h.event,
    );
    expect(events.sort()).toEqual(['grabbed', 'imported']);
    const status = await bed.call('GET', '/api/system/status');
    expect(status.body.queue.counts).toEqual({ imported: 1 });
  });
});
