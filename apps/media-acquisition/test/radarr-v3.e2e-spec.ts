import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { callJson } from '@keel/platform/testing';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const API_KEY = 'a3f1c0de5b7e4d2f9a8b6c4d2e0f1a3b';
// A verbatim copy of Radarr's own document (from ../shared/contracts), kept in the repo so that CI has it.
const OPENAPI = openApi30ToAjv(
  JSON.parse(readFileSync(join(__dirname, 'contracts', 'radarr-v3-openapi.json'), 'utf8')),
);

/** OpenAPI 3.0's `nullable` beside a `$ref`/`allOf` (no `type`) is not JSON Schema: spell it as "or null". */
function openApi30ToAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApi30ToAjv);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, openApi30ToAjv(value)]));
  if (nullable !== true) return converted;
  return 'type' in converted ? { ...converted, nullable: true } : { anyOf: [converted, { type: 'null' }] };
}

/** Radarr's own OpenAPI document, verbatim: each answer is checked against the schema Radarr declares for it. */
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(OPENAPI as object, 'radarr');
const conforms = (schema: string, value: unknown, array = false): string[] => {
  const validate = ajv.compile(
    array
      ? { type: 'array', items: { $ref: `radarr#/components/schemas/${schema}` } }
      : { $ref: `radarr#/components/schemas/${schema}` },
  );
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${schema}${e.instancePath} ${e.message}`);
};

/**
 * The flow Overseerr (and Jellyseerr) run against a Radarr server, against media-acquisition's
 * `/api/v3`: test the connection, read profiles and root folders, look the movie up, add it with a
 * search, and follow it to the import. Every answer is checked against Radarr's OpenAPI document.
 */
describe('media-acquisition: the Radarr v3 API (e2e)', () => {
  let bed: MediaTestBed;
  const recycleBin = join(mkdtempSync(join(tmpdir(), 'keel-v3-')), 'recycle');
  const v3 = <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = { 'x-api-key': API_KEY },
  ) => callJson<T>(bed.service.url, method, `/api/v3${path}`, { body, headers });

  beforeAll(async () => {
    bed = await startMediaTestBed({ MEDIA_API_KEY: API_KEY, MEDIA_RECYCLE_BIN: recycleBin });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('answers 401 without the key or with a wrong one, and accepts it as a header or as ?apikey=', async () => {
    // Act
    const none = await v3('GET', '/system/status', undefined, {});
    const wrong = await v3('GET', '/system/status', undefined, { 'x-api-key': 'not-the-key-at-all-0000' });
    const bearer = await callJson(bed.service.url, 'GET', '/api/v3/system/status', { token: bed.token });
    const header = await v3('GET', '/system/status');
    const query = await v3('GET', `/system/status?apikey=${API_KEY}`, undefined, {});

    // Assert
    expect([none.status, wrong.status, bearer.status]).toEqual([401, 401, 401]);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect([header.status, query.status]).toEqual([200, 200]);
    expect(conforms('SystemResource', header.body)).toEqual([]);
  });

  it('runs the Overseerr flow: profiles, root folders, lookup, add + search, queue, history up to import', async () => {
    // Act: what Overseerr reads when a Radarr server is set up.
    const profiles = await v3('GET', '/qualityprofile');
    const folders = await v3('GET', '/rootfolder');
    const tags = await v3('GET', '/tag');
    const before = await v3('GET', '/movie?tmdbId=335984');
    // Overseerr posts the whole looked-up resource plus its choices; unknown fields are ignored, as Radarr does.
    const profileId = profiles.body[0].id;
    const added = await v3('POST', '/movie', {
      title: 'Blade Runner 2049',
      year: 2017,
      tmdbId: 335984,
      qualityProfileId: profileId,
      rootFolderPath: folders.body[0].path,
      monitored: true,
      minimumAvailability: 'released',
      titleSlug: '335984',
      images: [{ coverType: 'poster', url: 'https://image.tmdb.org/x.jpg' }],
      tags: [],
      addOptions: { searchForMovie: true },
    });
    const id = added.body.id;
    const got = await v3('GET', `/movie/${id}`);
    const byTmdb = await v3('GET', '/movie?tmdbId=335984');
    const lookup = await v3('GET', '/movie/lookup?term=tmdb:335984');
    const queue = await eventually(async () => {
      const page = await v3('GET', '/queue?page=1&pageSize=10&includeMovie=true');
      return page.body.records.length > 0 ? page : undefined;
    });
    const imported = await eventually(async () => {
      const page = await v3('GET', `/history?page=1&pageSize=20&movieIds=${id}`);
      return page.body.records.some((r: { eventType: string }) => r.eventType === 'downloadFolderImported')
        ? page
        : undefined;
    });
    const withFile = await v3('GET', `/movie/${id}`);

    // Assert
    expect([profiles.status, folders.status, tags.status, before.status]).toEqual([200, 200, 200, 200]);
    expect(before.body).toEqual([]);
    expect(conforms('QualityProfileResource', profiles.body, true)).toEqual([]);
    expect(conforms('RootFolderResource', folders.body, true)).toEqual([]);
    expect(conforms('TagResource', tags.body, true)).toEqual([]);
    expect(folders.body[0].path).toBe(bed.libraryRoot);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: expect.any(Number),
      tmdbId: 335984,
      title: 'Blade Runner 2049',
      year: 2017,
      qualityProfileId: profileId,
      hasFile: false,
    });
    expect(conforms('MovieResource', added.body)).toEqual([]);
    expect(got.body).toEqual(added.body);
    expect(byTmdb.body).toEqual([added.body]);
    expect(lookup.body[0]).toMatchObject({ id, tmdbId: 335984 });
    expect(conforms('MovieResource', lookup.body, true)).toEqual([]);
    expect(queue.body.records[0]).toMatchObject({ movieId: id, protocol: 'torrent', downloadClient: 'qBittorrent' });
    expect(conforms('QueueResourcePagingResource', queue.body)).toEqual([]);
    expect(conforms('HistoryResourcePagingResource', imported.body)).toEqual([]);
    expect(imported.body.records.map((r: { eventType: string }) => r.eventType)).toEqual(
      expect.arrayContaining(['grabbed', 'downloadFolderImported']),
    );
    expect(withFile.body).toMatchObject({ hasFile: true, sizeOnDisk: expect.any(Number) });
  });

  it('looks a movie up on TMDB and adds it by its TMDB id alone', async () => {
    // Act
    const lookup = await v3('GET', '/movie/lookup?term=tmdb:603');
    const added = await v3('POST', '/movie', { tmdbId: 603, monitored: true, addOptions: { searchForMovie: false } });

    // Assert
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual([expect.objectContaining({ tmdbId: 603, title: 'The Matrix', year: 1999 })]);
    expect(lookup.body[0].id).toBeUndefined();
    expect(conforms('MovieResource', lookup.body, true)).toEqual([]);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      id: expect.any(Number),
      tmdbId: 603,
      title: 'The Matrix',
      year: 1999,
      runtime: expect.any(Number),
    });
  });

  it('PUT edits monitored, qualityProfileId, ignoring the rest of the resource; RssSync runs as command', async () => {
    // Arrange: Overseerr-style, the whole resource goes back with the changes.
    const [matrix] = (await v3('GET', '/movie?tmdbId=603')).body;
    const profileId = (await v3('GET', '/qualityprofile')).body[0].id;

    // Act
    const edited = await v3('PUT', `/movie/${matrix.id}?moveFiles=false`, {
      ...matrix,
      monitored: false,
      qualityProfileId: profileId,
      title: 'Not The Matrix',
    });
    const read = await v3('GET', `/movie/${matrix.id}`);
    const v1 = (await bed.call('GET', '/api/v1/movies')).body.items.find((m: { tmdbId?: number }) => m.tmdbId === 603);
    const unknownMovie = await v3('PUT', '/movie/999999', { monitored: true });
    const unknownProfile = await v3('PUT', `/movie/${matrix.id}`, { qualityProfileId: 4242 });
    const rss = await v3('POST', '/command', { name: 'RssSync' });

    // Assert
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: matrix.id,
      title: 'The Matrix',
      monitored: false,
      qualityProfileId: profileId,
    });
    expect(conforms('MovieResource', edited.body)).toEqual([]);
    expect(read.body).toEqual(edited.body);
    expect(v1).toMatchObject({ title: 'The Matrix', monitored: false });
    expect([unknownMovie.status, unknownProfile.status]).toEqual([404, 400]);
    expect(rss.status).toBe(201);
    expect(rss.body).toMatchObject({ name: 'RssSync', message: 'RSS sync started' });
    expect(conforms('CommandResource', rss.body)).toEqual([]);
  });

  it('refuses a second add of the same movie (409), an unknown id (404) and bad input (400)', async () => {
    // Act
    const again = await v3('POST', '/movie', { title: 'Blade Runner 2049', year: 2017, tmdbId: 335984 });
    const missing = await v3('GET', '/movie/999999');
    const bad = await v3('POST', '/movie', { title: 'x', year: 2017, tmdbId: 'abc' });
    const unknownProfile = await v3('POST', '/movie', {
      title: 'Dune',
      year: 2021,
      tmdbId: 438631,
      qualityProfileId: 4242,
    });
    const lookupUnknown = await v3('GET', '/movie/lookup/tmdb?tmdbId=1');

    // Assert
    expect([again.status, missing.status, bad.status, unknownProfile.status, lookupUnknown.status]).toEqual([
      409, 404, 400, 400, 404,
    ]);
    expect(bad.body.errors.join(' ')).toMatch(/tmdbId/);
  });

  it('runs MoviesSearch as a command and removes a movie, its file going to the recycle bin', async () => {
    // Arrange
    const list = await v3('GET', '/movie');
    const movie = list.body.find((m: { hasFile: boolean }) => m.hasFile);
    const file = join(movie.path, movie.movieFile.relativePath.split('/').pop());

    // Act
    const command = await v3('POST', '/command', { name: 'MoviesSearch', movieIds: [movie.id] });
    const unknownCommand = await v3('POST', '/command', { name: 'Backup' });
    const removed = await v3('DELETE', `/movie/${movie.id}?deleteFiles=true&addImportExclusion=false`);
    const gone = await v3('GET', `/movie/${movie.id}`);

    // Assert
    expect(command.status).toBe(201);
    expect(command.body).toMatchObject({ name: 'MoviesSearch', status: 'started' });
    expect(conforms('CommandResource', command.body)).toEqual([]);
    expect(unknownCommand.status).toBe(400);
    expect(removed.status).toBe(200);
    expect(gone.status).toBe(404);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(recycleBin).some((name) => name.endsWith(file.split('/').pop()!))).toBe(true);
  });
});
