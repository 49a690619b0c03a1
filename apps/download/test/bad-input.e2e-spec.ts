import { callJson as call, signTestToken } from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

const PROBLEM = /^application\/problem\+json/;
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
const SOME_UUID = '6f1c2b9a-3d4e-4f5a-8b6c-7d8e9f0a1b2c';

/** Bad input is the caller's fault: 400 problem+json naming what is wrong, never a 5xx. */
describe('download service: bad input (e2e)', () => {
  let bed: DownloadTestBed;
  let url: string;
  let token: string;

  beforeAll(async () => {
    bed = await startDownloadTestBed();
    url = bed.service.url;
    token = await signTestToken({ sub: 'u1' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  function expect400(answer: { status: number; headers: Headers; body: any }, error: RegExp): void {
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(PROBLEM);
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.stringMatching(error)]));
  }

  describe('cursors', () => {
    it('answers 400, not 502, to a games cursor the library did not issue, and keeps the circuit closed', async () => {
      const answer = await call(url, 'GET', '/api/v1/library/games?cursor=abc', { token });
      const after = await call(url, 'GET', '/api/v1/library/games', { token });

      expect400(answer, /^cursor /);
      expect(after.status).toBe(200);
      expect(after.body.games.length).toBeGreaterThan(0);
    });

    it('still pages through the library with the cursors it hands out', async () => {
      const first = await call(url, 'GET', '/api/v1/library/games?limit=1', { token });
      const second = await call(
        url,
        'GET',
        `/api/v1/library/games?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { token },
      );

      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(second.status).toBe(200);
      expect(second.body.games[0].gameId).not.toBe(first.body.games[0].gameId);
    });

    it.each([
      ['garbage', 'abc'],
      ['a date Postgres cannot store', cursorOf(`-271821-04-20T00:00:00.000Z|${SOME_UUID}`)],
      ['a NUL in the id', cursorOf(`2026-01-01T00:00:00.000Z|${SOME_UUID}\u0000`)],
      ['an id that is not a uuid', cursorOf('2026-01-01T00:00:00.000Z|not-a-uuid')],
    ])('answers 400 to a downloads cursor with %s', async (_name, cursor) => {
      const answer = await call(url, 'GET', `/api/v1/downloads?cursor=${encodeURIComponent(cursor)}`, { token });

      expect400(answer, /^cursor /);
    });
  });

  it.each(['/api/v1/downloads', '/api/v1/library/games'])(
    'answers 400 to limit=0x10 on %s: only decimal integers',
    async (path) => {
      const answer = await call(url, 'GET', `${path}?limit=0x10`, { token });

      expect400(answer, /^limit must be a decimal integer$/);
    },
  );

  describe('Idempotency-Key', () => {
    it('answers 400 to a 10 000-character key and stores nothing', async () => {
      const before = await call(url, 'GET', '/api/v1/downloads?limit=100', { token });

      const answer = await call(url, 'POST', '/api/v1/downloads', {
        token,
        body: { gameId: 'g1' },
        headers: { 'idempotency-key': 'k'.repeat(10_000) },
      });
      const after = await call(url, 'GET', '/api/v1/downloads?limit=100', { token });

      expect400(answer, /^Idempotency-Key must be 1 to 255 printable ASCII characters$/);
      expect(after.body.items).toHaveLength(before.body.items.length);
    });

    it('keeps a 255-character key whole: two keys that differ only after 200 characters are two sessions', async () => {
      const prefix = 'p'.repeat(200);

      const first = await call(url, 'POST', '/api/v1/downloads', {
        token,
        body: { gameId: 'g1' },
        headers: { 'idempotency-key': `${prefix}${'a'.repeat(55)}` },
      });
      const repeat = await call(url, 'POST', '/api/v1/downloads', {
        token,
        body: { gameId: 'g1' },
        headers: { 'idempotency-key': `${prefix}${'a'.repeat(55)}` },
      });
      const other = await call(url, 'POST', '/api/v1/downloads', {
        token,
        body: { gameId: 'g1' },
        headers: { 'idempotency-key': `${prefix}${'b'.repeat(55)}` },
      });

      expect([first.status, repeat.status, other.status]).toEqual([201, 201, 201]);
      expect(repeat.body.id).toBe(first.body.id);
      expect(other.body.id).not.toBe(first.body.id);
    });
  });

  it('answers 400 naming gameId to a NUL in it', async () => {
    const answer = await call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g\u00001' } });

    expect400(answer, /^gameId must not contain NUL characters$/);
  });
});
