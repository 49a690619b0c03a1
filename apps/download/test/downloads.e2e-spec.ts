import { signTestToken } from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';
import { callJson as call } from '@keel/platform/testing';

const PROBLEM = /^application\/problem\+json/;

describe('download service (e2e)', () => {
  let bed: DownloadTestBed;
  let url: string;
  let u1: string;
  let u2: string;

  beforeAll(async () => {
    bed = await startDownloadTestBed();
    url = bed.service.url;
    [u1, u2] = await Promise.all([signTestToken({ sub: 'u1' }), signTestToken({ sub: 'u2' })]);
  });

  afterAll(async () => {
    await bed?.close();
  });

  describe('authentication', () => {
    it.each([
      ['no token', undefined],
      ['a bad signature', 'sign-with-wrong-secret'],
      ['alg: none', 'none'],
      ['an expired token', 'expired'],
    ])('answers 401 problem+json for %s', async (_name, kind) => {
      const token =
        kind === 'sign-with-wrong-secret'
          ? await signTestToken({ sub: 'u1', secret: 'not-the-secret' })
          : kind === 'none'
            ? await signTestToken({ sub: 'u1', alg: 'none' })
            : kind === 'expired'
              ? await signTestToken({ sub: 'u1', expiresIn: -60 })
              : undefined;

      const answer = await call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' } });

      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(PROBLEM);
      expect(answer.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    });
  });

  describe('POST /api/v1/downloads', () => {
    it('starts a session for an owned game', async () => {
      const answer = await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: 'g1' } });

      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        userId: 'u1',
        gameId: 'g1',
        status: 'queued',
        bytesTotal: expect.any(Number),
        bytesDone: 0,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        downloadUrl: expect.stringContaining('signature='),
      });
      expect(answer.body.bytesTotal).toBeGreaterThan(0);
      const signed = new URL(answer.body.downloadUrl);
      expect(Number(signed.searchParams.get('expires')) * 1000).toBeGreaterThan(Date.now());
      expect(signed.searchParams.get('download')).toBe(answer.body.id);
    });

    it('answers 403 problem when the user does not own the game, and 404 for an unknown game', async () => {
      const notOwned = await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: 'g3' } });
      const unknown = await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: 'g404' } });

      expect(notOwned.status).toBe(403);
      expect(notOwned.headers.get('content-type')).toMatch(PROBLEM);
      expect(notOwned.body.detail).toContain('g3');
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(PROBLEM);
    });

    it('rejects an unknown field with 400 problem+json naming it, and writes nothing', async () => {
      const before = await call(url, 'GET', '/api/v1/downloads?limit=100', { token: u2 });

      const answer = await call(url, 'POST', '/api/v1/downloads', {
        token: u2,
        body: { gameId: 'g3', priority: 'high' },
      });
      const after = await call(url, 'GET', '/api/v1/downloads?limit=100', { token: u2 });

      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(PROBLEM);
      expect(answer.body.errors).toEqual(expect.arrayContaining([expect.stringContaining('priority')]));
      expect(after.body.items).toHaveLength(before.body.items.length);
    });

    it('rejects a missing or malformed gameId with 400', async () => {
      const missing = await call(url, 'POST', '/api/v1/downloads', { token: u1, body: {} });
      const malformed = await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: '../etc/passwd' } });

      expect(missing.status).toBe(400);
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors.join(' ')).toContain('gameId');
    });

    it('returns the same session for the same Idempotency-Key, with one row', async () => {
      const headers = { 'idempotency-key': `k-${Date.now()}` };
      const token = await signTestToken({ sub: 'u1' });
      const before = (await call(url, 'GET', '/api/v1/downloads?limit=100', { token })).body.items.length;

      const [first, second] = await Promise.all([
        call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g2' }, headers }),
        call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g2' }, headers }),
      ]);
      const third = await call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g2' }, headers });
      const after = (await call(url, 'GET', '/api/v1/downloads?limit=100', { token })).body.items.length;
      const reused = await call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' }, headers });

      expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
      expect(second.body.id).toBe(first.body.id);
      expect(third.body.id).toBe(first.body.id);
      expect(after - before).toBe(1);
      expect(reused.status).toBe(409);
    });
  });

  describe('reading sessions', () => {
    it('lets only the owner read a session; anyone else gets 404', async () => {
      const created = await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: 'g1' } });

      const own = await call(url, 'GET', `/api/v1/downloads/${created.body.id}`, { token: u1 });
      const other = await call(url, 'GET', `/api/v1/downloads/${created.body.id}`, { token: u2 });
      const malformedId = await call(url, 'GET', '/api/v1/downloads/not-a-uuid', { token: u1 });

      expect(own.status).toBe(200);
      expect(own.body.id).toBe(created.body.id);
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toMatch(PROBLEM);
      expect(malformedId.status).toBe(400);
    });

    it('lists the caller’s sessions newest first, page by page', async () => {
      const token = await signTestToken({ sub: 'u2' });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await call(url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g3' } })).body.id);

      const first = await call(url, 'GET', '/api/v1/downloads?limit=2', { token });
      const second = await call(url, 'GET', `/api/v1/downloads?limit=2&cursor=${first.body.nextCursor}`, { token });
      const all = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);

      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(all.slice(0, 3)).toEqual([...ids].reverse());
      expect(all.every((id) => typeof id === 'string')).toBe(true);
      const u1List = await call(url, 'GET', '/api/v1/downloads?limit=100', { token: u1 });
      expect(u1List.body.items.some((item: { id: string }) => ids.includes(item.id))).toBe(false);
    });

    it('rejects a cursor it did not issue with 400', async () => {
      const answer = await call(url, 'GET', '/api/v1/downloads?cursor=bm90LWEtY3Vyc29y', { token: u1 });

      expect(answer.status).toBe(400);
    });
  });

  describe('PATCH /api/v1/downloads/{id}', () => {
    it('walks a session through progress, pause, resume and completion, refusing invalid moves with 409', async () => {
      const created = (await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: 'g2' } })).body;
      const patch = (body: unknown) => call(url, 'PATCH', `/api/v1/downloads/${created.id}`, { token: u1, body });

      const progressed = await patch({ bytesDone: 1000 });
      const paused = await patch({ status: 'paused' });
      const progressWhilePaused = await patch({ bytesDone: 2000 });
      const resumed = await patch({ status: 'downloading' });
      const backwards = await patch({ bytesDone: 10 });
      const completed = await patch({ bytesDone: created.bytesTotal });
      const cancelCompleted = await patch({ status: 'cancelled' });
      const both = await patch({ bytesDone: 1, status: 'paused' });
      const byOther = await call(url, 'PATCH', `/api/v1/downloads/${created.id}`, {
        token: u2,
        body: { status: 'cancelled' },
      });

      expect(progressed.body).toMatchObject({ status: 'downloading', bytesDone: 1000 });
      expect(paused.body.status).toBe('paused');
      expect(progressWhilePaused.status).toBe(409);
      expect(resumed.body.status).toBe('downloading');
      expect(backwards.status).toBe(409);
      expect(completed.body).toMatchObject({ status: 'completed', bytesDone: created.bytesTotal });
      expect(cancelCompleted.status).toBe(409);
      expect(cancelCompleted.headers.get('content-type')).toMatch(PROBLEM);
      expect(both.status).toBe(400);
      expect(byOther.status).toBe(404);
    });

    it('cancels a queued session and rejects an unknown status', async () => {
      const created = (await call(url, 'POST', '/api/v1/downloads', { token: u1, body: { gameId: 'g1' } })).body;

      const cancelled = await call(url, 'PATCH', `/api/v1/downloads/${created.id}`, {
        token: u1,
        body: { status: 'cancelled' },
      });
      const bogus = await call(url, 'PATCH', `/api/v1/downloads/${created.id}`, {
        token: u1,
        body: { status: 'exploded' },
      });

      expect(cancelled.body.status).toBe('cancelled');
      expect(bogus.status).toBe(400);
    });
  });

  it('GET /api/v1/library/games lists the caller’s games through the library client', async () => {
    const answer = await call(url, 'GET', '/api/v1/library/games', { token: u1 });

    expect(answer.status).toBe(200);
    expect(answer.body.games.map((game: { gameId: string }) => game.gameId)).toEqual(['g1', 'g2']);
    expect(answer.body.games[0]).toEqual({
      gameId: 'g1',
      title: expect.any(String),
      sizeBytes: expect.any(Number),
      platforms: expect.any(Array),
      acquiredAt: expect.any(String),
    });
  });
});
