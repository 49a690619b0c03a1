import { callJson as call, signTestToken } from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';

const PROBLEM = /^application\/problem\+json/;
const NUL = '\u0000';
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

/** Bad input is the caller's fault: 400 problem+json naming the field, never a 5xx. */
describe('project service: bad input (e2e)', () => {
  let bed: ProjectTestBed;
  let url: string;
  let u1: string;
  let projectId: string;

  beforeAll(async () => {
    bed = await startProjectTestBed();
    url = bed.service.url;
    u1 = await signTestToken({ sub: 'u1' });
    projectId = (await call(url, 'POST', '/api/v1/projects', { token: u1, body: { name: 'Hardening' } })).body.id;
  });

  afterAll(async () => {
    await bed?.close();
  });

  function expect400(answer: { status: number; headers: Headers; body: any }, error: string | RegExp): void {
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(PROBLEM);
    expect(answer.body).toMatchObject({ type: 'urn:keel:problem:validation', status: 400 });
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([typeof error === 'string' ? error : expect.stringMatching(error)]),
    );
  }

  describe('NUL characters and unpaired surrogates', () => {
    it.each([
      ['a name', { name: `Hard${NUL}ening` }, 'name must not contain NUL characters'],
      ['a description', { name: 'ok', description: `d${NUL}` }, 'description must not contain NUL characters'],
      [
        'a name with an unpaired surrogate',
        { name: 'Hard\ud800ening' },
        'name must be valid Unicode (it contains an unpaired surrogate)',
      ],
    ])('answers 400 to %s in POST /projects, and creates nothing', async (_name, body, error) => {
      const before = (await call(url, 'GET', '/api/v1/projects?limit=100', { token: u1 })).body.items.length;

      const answer = await call(url, 'POST', '/api/v1/projects', { token: u1, body });
      const after = (await call(url, 'GET', '/api/v1/projects?limit=100', { token: u1 })).body.items.length;

      expect400(answer, error);
      expect(after).toBe(before);
    });

    it('answers 400 to a NUL in PATCH /projects/{id}', async () => {
      const answer = await call(url, 'PATCH', `/api/v1/projects/${projectId}`, {
        token: u1,
        body: { description: `x${NUL}y` },
      });

      expect400(answer, 'description must not contain NUL characters');
    });

    it('answers 400 naming name to PATCH /projects/{id} with name: null (found by the fuzzer: was a 500)', async () => {
      const answer = await call(url, 'PATCH', `/api/v1/projects/${projectId}`, { token: u1, body: { name: null } });

      expect400(answer, 'name must not be null (leave it out instead)');
    });

    it('answers 400 to a NUL in a comment body', async () => {
      const answer = await call(url, 'POST', `/api/v1/projects/${projectId}/comments`, {
        token: u1,
        body: { body: `hi${NUL}` },
      });

      expect400(answer, 'body must not contain NUL characters');
    });

    it('answers 400 naming userId to DELETE …/members/%00', async () => {
      const answer = await call(url, 'DELETE', `/api/v1/projects/${projectId}/members/%00`, { token: u1 });

      expect400(answer, 'userId must not contain NUL characters');
    });

    it('answers 404 (not 414) to DELETE …/members/{a 128-character id}: ids that long can be members', async () => {
      const answer = await call(url, 'DELETE', `/api/v1/projects/${projectId}/members/${'u'.repeat(128)}`, {
        token: u1,
      });

      expect(answer.status).toBe(404);
    });

    it('answers 400 to a NUL in the search query', async () => {
      const answer = await call(url, 'GET', `/api/v1/knowledge/search?q=${encodeURIComponent(`circuit${NUL}`)}`, {
        token: u1,
      });

      expect400(answer, 'q must not contain NUL characters');
    });
  });

  describe('cursors of every paginated list', () => {
    const lists = () => [
      `/api/v1/projects`,
      `/api/v1/projects/${projectId}/comments`,
      `/api/v1/projects/${projectId}/resources`,
    ];
    const badCursors: Array<[string, string]> = [
      ['garbage', 'abc'],
      ['an id no list of ours holds', cursorOf('2026-01-01T00:00:00.000Z|no such key!')],
      ['a date Postgres cannot store', cursorOf('-271821-04-20T00:00:00.000Z|6f1c2b9a-3d4e-4f5a-8b6c-7d8e9f0a1b2c')],
      ['a NUL in the id', cursorOf(`2026-01-01T00:00:00.000Z|k1${NUL}`)],
    ];

    it.each(badCursors)('answers 400 naming the cursor to %s, on every list', async (_name, cursor) => {
      for (const path of lists()) {
        const answer = await call(url, 'GET', `${path}?cursor=${encodeURIComponent(cursor)}`, { token: u1 });

        expect([path, answer.status]).toEqual([path, 400]);
        expect(answer.body.errors).toEqual(['cursor is not one this service issued']);
      }
    });

    it('answers 400 to a key that is not a uuid on the lists keyed by one (projects, comments)', async () => {
      for (const path of lists().slice(0, 2)) {
        const answer = await call(url, 'GET', `${path}?cursor=${cursorOf('2026-01-01T00:00:00.000Z|not-a-uuid')}`, {
          token: u1,
        });

        expect([path, answer.status]).toEqual([path, 400]);
      }
    });

    it('answers 400 to limit=0x10 on every list, and on recommendations', async () => {
      for (const path of [...lists(), `/api/v1/projects/${projectId}/recommendations`]) {
        const answer = await call(url, 'GET', `${path}?limit=0x10`, { token: u1 });

        expect([path, answer.status]).toEqual([path, 400]);
        expect(answer.body.errors).toContain('limit must be a decimal integer');
      }
    });
  });

  it('accepts DELETE /projects/{id} with Content-Type: application/json and an empty body', async () => {
    const doomed = (await call(url, 'POST', '/api/v1/projects', { token: u1, body: { name: 'Doomed' } })).body.id;

    const response = await fetch(`${url}/api/v1/projects/${doomed}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${u1}`, 'content-type': 'application/json' },
      body: '',
    });

    expect(response.status).toBe(204);
  });
});
