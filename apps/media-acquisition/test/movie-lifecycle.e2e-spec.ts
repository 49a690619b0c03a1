import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const recycleBin = join(mkdtempSync(join(tmpdir(), 'keel-lifecycle-e2e-')), 'recycle');

/** A movie's life in the v1 API: edit (PUT), the monitored flag, delete with or without its file. */
describe('media-acquisition movie lifecycle (e2e)', () => {
  let bed: MediaTestBed;
  const add = async (body: object) => {
    const created = await bed.call('POST', '/api/v1/movies', { searchOnAdd: false, ...body });
    expect(created.status).toBe(201);
    return created.body as { id: string; monitored: boolean; qualityProfile: string };
  };
  const movie = (id: string) => bed.call('GET', `/api/v1/movies/${id}`);

  beforeAll(async () => {
    bed = await startMediaTestBed({ MEDIA_RECYCLE_BIN: recycleBin });
    const uhd = await bed.call('POST', '/api/v1/quality-profiles', {
      name: 'UHD',
      items: [
        { quality: 'Bluray-2160p', allowed: true },
        { quality: 'WEBDL-2160p', allowed: true },
      ],
      cutoff: 'Bluray-2160p',
    });
    expect(uhd.status).toBe(201);
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('edits monitored, quality profile and runtime with PUT; fields left out keep their value', async () => {
    // Arrange
    const added = await add({ title: 'Arrival', year: 2016, runtimeMinutes: 116 });

    // Act
    const edited = await bed.call('PUT', `/api/v1/movies/${added.id}`, { monitored: false, qualityProfile: 'UHD' });
    const runtimeOnly = await bed.call('PUT', `/api/v1/movies/${added.id}`, { runtimeMinutes: 118 });
    const read = await movie(added.id);

    // Assert
    expect(added.monitored).toBe(true);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: added.id,
      title: 'Arrival',
      year: 2016,
      monitored: false,
      qualityProfile: 'UHD',
      runtimeMinutes: 116,
    });
    expect(runtimeOnly.body).toMatchObject({ monitored: false, qualityProfile: 'UHD', runtimeMinutes: 118 });
    expect(read.body).toEqual(runtimeOnly.body);
  });

  it('answers 404 for an unknown movie/profile, 400 for a read-only or mistyped field; changes nothing', async () => {
    // Arrange
    const added = await add({ title: 'Inception', year: 2010 });

    // Act
    const unknownMovie = await bed.call('PUT', '/api/v1/movies/7d4f3a5e-9a8b-4c1d-8e2f-0a1b2c3d4e5f', {
      monitored: false,
    });
    const unknownProfile = await bed.call('PUT', `/api/v1/movies/${added.id}`, {
      monitored: false,
      qualityProfile: 'Nope',
    });
    const title = await bed.call('PUT', `/api/v1/movies/${added.id}`, { title: 'Inception 2' });
    const mistyped = await bed.call('PUT', `/api/v1/movies/${added.id}`, { monitored: 'no', runtimeMinutes: 0 });
    const read = await movie(added.id);

    // Assert
    expect([unknownMovie.status, unknownProfile.status, title.status, mistyped.status]).toEqual([404, 404, 400, 400]);
    expect(unknownProfile.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(mistyped.body.errors.join(' ')).toMatch(/monitored.*runtimeMinutes|runtimeMinutes.*monitored/);
    expect(read.body).toMatchObject({ title: 'Inception', monitored: true, qualityProfile: 'HD-1080p' });
  });

  it('deletes a movie with its file into the recycle bin; its torrent stays in qBittorrent, as in Radarr', async () => {
    // Arrange: grabbed and imported.
    const added = await add({ title: 'Blade Runner 2049', year: 2017, imdbId: 'tt1856101', runtimeMinutes: 164 });
    expect((await bed.call('POST', `/api/v1/movies/${added.id}/grab`, {})).status).toBe(201);
    const imported = await eventually(
      async () => ((await movie(added.id)).body.file ? (await movie(added.id)).body : undefined),
      20_000,
      'the import',
    );
    const file = join(bed.libraryRoot, imported.file.relativePath);
    const torrents = bed.qbittorrent.store.torrents.size;

    // Act
    const removed = await bed.call('DELETE', `/api/v1/movies/${added.id}?deleteFiles=true`);
    const gone = await movie(added.id);
    const history = await bed.call('GET', `/api/v1/movies/${added.id}/history`);

    // Assert
    expect(existsSync(file)).toBe(false);
    expect(removed.status).toBe(204);
    expect(gone.status).toBe(404);
    expect(history.status).toBe(404);
    expect(readdirSync(recycleBin).some((name) => name.endsWith(basename(file)))).toBe(true);
    expect(bed.qbittorrent.store.torrents.size).toBe(torrents);
  });

  it('deletes a downloading movie, not its torrent or files (deleteFiles=false); it leaves the queue', async () => {
    // Arrange
    const added = await add({ title: 'Dune', year: 2021, imdbId: 'tt1160419', runtimeMinutes: 155 });
    const grabbed = await bed.call('POST', `/api/v1/movies/${added.id}/grab`, {});
    expect(grabbed.status).toBe(201);

    // Act
    const removed = await bed.call('DELETE', `/api/v1/movies/${added.id}?deleteFiles=false`);
    const queue = await bed.call('GET', '/api/v1/queue');
    const again = await bed.call('DELETE', `/api/v1/movies/${added.id}`);
    const bad = await bed.call('DELETE', `/api/v1/movies/${added.id}?deleteFiles=maybe`);

    // Assert
    expect(removed.status).toBe(204);
    expect(queue.body.items.map((i: { downloadId: string }) => i.downloadId)).not.toContain(grabbed.body.downloadId);
    expect(bed.qbittorrent.store.torrents.has(grabbed.body.downloadId.toLowerCase())).toBe(true);
    expect([again.status, bad.status]).toEqual([404, 400]);
  });
});
