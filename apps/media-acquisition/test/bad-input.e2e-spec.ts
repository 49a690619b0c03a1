import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const PROBLEM = /^application\/problem\+json/;
const NUL = '\u0000';

/** Bad input is the caller's fault: 400 problem+json naming the field, never a 5xx. */
describe('media-acquisition: bad input (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed();
    // A bound on start-up (PGlite and migrations) on a busy machine, not a timing claim.
  }, 60_000);

  afterAll(async () => {
    await bed?.close();
  });

  function expect400(answer: { status: number; headers: Headers; body: any }, error: string): void {
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(PROBLEM);
    expect(answer.body).toMatchObject({ type: 'urn:keel:problem:validation', status: 400 });
    expect(answer.body.errors).toEqual(expect.arrayContaining([error]));
  }

  const movieCount = async () => (await bed.call('GET', '/api/v1/movies')).body.items.length;

  it.each([
    ['a NUL in the title', { title: `Blade${NUL}Runner`, year: 2017 }, 'title must not contain NUL characters'],
    [
      'an unpaired surrogate in the title',
      { title: 'Blade\udc00Runner', year: 2017 },
      'title must be valid Unicode (it contains an unpaired surrogate)',
    ],
    [
      'a NUL in the profile name',
      { title: 'Heat', year: 1995, qualityProfile: `HD-1080p${NUL}` },
      'qualityProfile must not contain NUL characters',
    ],
    [
      'a tmdbId above the int4 range',
      { title: 'Heat', year: 1995, tmdbId: 2_147_483_648 },
      'tmdbId must be an integer from -2147483648 to 2147483647',
    ],
    [
      'a runtime far above the int4 range',
      { title: 'Heat', year: 1995, runtimeMinutes: 1e12 },
      'runtimeMinutes must be an integer from -2147483648 to 2147483647',
    ],
  ])('answers 400 to %s in POST /movies, and adds nothing', async (_name, body, error) => {
    const before = await movieCount();

    const answer = await bed.call('POST', '/api/v1/movies', body);

    expect400(answer, error);
    expect(await movieCount()).toBe(before);
  });

  it('takes the largest tmdbId an int4 column holds', async () => {
    const answer = await bed.call('POST', '/api/v1/movies', {
      title: 'Edge of the Range',
      year: 2014,
      tmdbId: 2_147_483_647,
    });

    expect(answer.status).toBe(201);
    expect(answer.body.tmdbId).toBe(2_147_483_647);
  });

  it('answers 400 naming the field to a NUL inside a quality profile item', async () => {
    const answer = await bed.call('POST', '/api/v1/quality-profiles', {
      name: 'UHD',
      items: [{ quality: `Bluray-2160p${NUL}`, allowed: true }],
      cutoff: 'Bluray-2160p',
    });

    expect400(answer, 'items.0.quality must not contain NUL characters');
  });

  it('answers 400 naming guid to a NUL in a grab', async () => {
    const id = (await bed.call('POST', '/api/v1/movies', { title: 'Sicario', year: 2015 })).body.id;

    const answer = await bed.call('POST', `/api/v1/movies/${id}/grab`, { guid: `x${NUL}` });

    expect400(answer, 'guid must not contain NUL characters');
  });

  describe('Content-Type: application/json with an empty body, as frontends send it on every request', () => {
    const emptyJson = async (method: string, path: string) => {
      const response = await fetch(`${bed.service.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${bed.token}`, 'content-type': 'application/json' },
        body: '',
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };

    it('is taken by POST /movies/{id}/search, which needs no body', async () => {
      const id = (
        await bed.call('POST', '/api/v1/movies', {
          title: 'Blade Runner 2049',
          year: 2017,
          imdbId: 'tt1856101',
          runtimeMinutes: 164,
        })
      ).body.id;

      const answer = await emptyJson('POST', `/api/v1/movies/${id}/search`);

      expect(answer.status).toBe(200);
      expect(answer.body.releases.length).toBeGreaterThan(0);
    });

    it('is taken by POST /movies/{id}/grab, whose body is optional', async () => {
      const id = (await bed.call('POST', '/api/v1/movies', { title: 'Arrival', year: 2016, runtimeMinutes: 116 })).body
        .id;

      const answer = await emptyJson('POST', `/api/v1/movies/${id}/grab`);

      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ downloadId: expect.stringMatching(/^[0-9A-F]{40}$/) });
    });

    it('is taken by DELETE /queue/{downloadId} (404: no such download, not 400)', async () => {
      const answer = await emptyJson('DELETE', `/api/v1/queue/${'A'.repeat(40)}`);

      expect(answer.status).toBe(404);
    });

    it('is still a 400 naming the fields on POST /movies, which needs a body', async () => {
      const answer = await emptyJson('POST', '/api/v1/movies');

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.stringMatching(/^title /), expect.stringMatching(/^year /)]),
      );
    });
  });
});
