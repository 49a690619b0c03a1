import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

async function addMovie(bed: MediaTestBed, body: object): Promise<string> {
  const created = await bed.call('POST', '/api/v1/movies', body);
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** The recycle bin, in a temporary folder of the suite's own. */
const recycleBin = join(mkdtempSync(join(tmpdir(), 'keel-queue-e2e-')), 'recycle');

const movie = (bed: MediaTestBed, id: string) => bed.call('GET', `/api/v1/movies/${id}`).then((a) => a.body);

describe('media-acquisition queue management and upgrades (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed({ QBT_DOWNLOAD_MS: '60000', MEDIA_RECYCLE_BIN: recycleBin });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('removes a download from the queue, from qBittorrent and into the blocklist on request', async () => {
    // Arrange
    const id = await addMovie(bed, { title: 'Inception', year: 2010, imdbId: 'tt1375666' });
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    expect(grab.status).toBe(201);
    const hash = (grab.body.downloadId as string).toLowerCase();

    // Act
    const bad = await bed.call('DELETE', `/api/v1/queue/not-a-hash`);
    const removed = await bed.call(
      'DELETE',
      `/api/v1/queue/${grab.body.downloadId}?removeFromClient=true&blocklist=true`,
    );
    const again = await bed.call('DELETE', `/api/v1/queue/${grab.body.downloadId}`);

    // Assert
    expect(bad.status).toBe(400);
    expect(removed.status).toBe(204);
    expect(again.status).toBe(404);
    expect(bed.qbittorrent.store.torrents.has(hash)).toBe(false);
    expect((await bed.call('GET', '/api/v1/queue')).body.items).toEqual([]);
    expect(await movie(bed, id)).toMatchObject({ status: 'wanted', download: { state: 'ignored' } });
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);
    const release = search.body.releases.find((r: { title: string }) => r.title === grab.body.releaseTitle);
    expect(release.rejections.map((r: { code: string }) => r.code)).toContain('blocklisted');
    const events = (await bed.call('GET', `/api/v1/movies/${id}/history`)).body.items.map(
      (h: { event: string }) => h.event,
    );
    expect(events).toEqual(['downloadIgnored', 'grabbed']);
  });

  it('stops tracking a download that vanished from qBittorrent, and frees the movie for a new grab', async () => {
    // Arrange
    const id = await addMovie(bed, { title: 'Dune', year: 2021, imdbId: 'tt1160419' });
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    expect(grab.status).toBe(201);

    // Act: someone deletes it in qBittorrent's own UI
    bed.qbittorrent.store.torrents.delete((grab.body.downloadId as string).toLowerCase());

    // Assert
    const ignored = await eventually(
      async () => {
        const current = await movie(bed, id);
        return current.download.state === 'ignored' ? current : undefined;
      },
      20_000,
      'the vanished download to be dropped',
    );
    expect(ignored.status).toBe('wanted');
    expect(ignored.download.messages).toEqual(['The download was removed from qBittorrent']);
    expect((await bed.call('POST', `/api/v1/movies/${id}/grab`, {})).status).toBe(201);
  });

  it('grabs only upgrades once a movie has a file, and nothing once the file meets the cutoff', async () => {
    // Arrange: a movie whose best release is imported
    const id = await addMovie(bed, { title: 'Blade Runner 2049', year: 2017, imdbId: 'tt1856101' });
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    bed.qbittorrent.completeTorrent((grab.body.downloadId as string).toLowerCase());
    await eventually(async () => ((await movie(bed, id)).file ? true : undefined), 20_000, 'the import');

    // Act
    const search = await bed.call('POST', `/api/v1/movies/${id}/search`);
    const again = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});

    // Assert: Bluray-1080p is the cutoff, so every release is refused
    expect(
      search.body.releases.every(
        (r: { approved: boolean; rejections: { code: string }[] }) =>
          !r.approved && r.rejections.some((j) => j.code === 'cutoffMet'),
      ),
    ).toBe(true);
    expect(again.status).toBe(409);
    expect((await movie(bed, id)).status).toBe('downloaded');
  });

  it('moves the file an upgrade replaces into the recycle bin', async () => {
    // Arrange: a lower approved release is imported first.
    const id = await addMovie(bed, { title: 'The Matrix', year: 1999, imdbId: 'tt0133093' });
    const releases = (await bed.call('POST', `/api/v1/movies/${id}/search`)).body.releases as {
      guid: string;
      approved: boolean;
      quality: string;
    }[];
    const lower = releases.find((r) => r.approved && r.quality !== 'Bluray-1080p');
    expect(lower).toBeDefined();
    const first = await bed.call('POST', `/api/v1/movies/${id}/grab`, { guid: lower!.guid });
    bed.qbittorrent.completeTorrent((first.body.downloadId as string).toLowerCase());
    const before = await eventually(async () => (await movie(bed, id)).file, 20_000, 'the first import');

    // Act: the upgrade.
    const upgrade = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    bed.qbittorrent.completeTorrent((upgrade.body.downloadId as string).toLowerCase());
    const after = await eventually(
      async () => {
        const current = await movie(bed, id);
        return current.file && current.file.relativePath !== before.relativePath ? current.file : undefined;
      },
      20_000,
      'the upgrade import',
    );

    // Assert
    expect(upgrade.status).toBe(201);
    expect(after.quality).toBe('Bluray-1080p');
    expect(existsSync(join(bed.libraryRoot, before.relativePath))).toBe(false);
    const recycled = readdirSync(recycleBin);
    expect(recycled).toEqual([
      expect.stringMatching(new RegExp(`^\\d{13}-${before.relativePath.split('/').pop()!.replace(/[()]/g, '\\$&')}$`)),
    ]);
  });

  it('blocks an import whose destination holds another file, keeps the reason, leaves that file alone', async () => {
    // Arrange: someone's own file already sits where the import would go
    const id = await addMovie(bed, { title: 'Arrival', year: 2016, imdbId: 'tt2543164' });
    const best = (await bed.call('POST', `/api/v1/movies/${id}/search`)).body.releases[0] as {
      title: string;
      quality: string;
    };
    const proper = /\b(PROPER|REPACK)\b/i.test(best.title) ? ' Proper' : '';
    const folder = join(bed.libraryRoot, 'Arrival (2016)');
    mkdirSync(folder, { recursive: true });
    const theirs = join(folder, `Arrival (2016) ${best.quality}${proper}.mkv`);
    writeFileSync(theirs, 'not the download');

    // Act
    const grab = await bed.call('POST', `/api/v1/movies/${id}/grab`, {});
    bed.qbittorrent.completeTorrent((grab.body.downloadId as string).toLowerCase());

    // Assert
    const blocked = await eventually(
      async () => {
        const current = await movie(bed, id);
        return current.download.state === 'importBlocked' ? current : undefined;
      },
      20_000,
      'the blocked import',
    );
    expect(blocked.download.messages.join(' ')).toMatch(/already exists/i);
    await new Promise((resolve) => setTimeout(resolve, 600)); // a few more polls
    expect((await movie(bed, id)).download.messages.join(' ')).toMatch(/already exists/i);
    expect(readFileSync(theirs, 'utf8')).toBe('not the download');
    const events = (await bed.call('GET', `/api/v1/movies/${id}/history`)).body.items.map(
      (h: { event: string }) => h.event,
    );
    expect(events).toEqual(['importBlocked', 'grabbed']);
    expect((await bed.call('DELETE', `/api/v1/queue/${grab.body.downloadId}`)).status).toBe(204);
  });
});
