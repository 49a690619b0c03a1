import { signTestToken } from '@keel/platform/testing';
import { callJson as call } from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';

const PROBLEM = /^application\/problem\+json/;

describe('project service (e2e)', () => {
  let bed: ProjectTestBed;
  let url: string;
  let u1: string;
  let u2: string;

  beforeAll(async () => {
    bed = await startProjectTestBed();
    url = bed.service.url;
    [u1, u2] = await Promise.all([signTestToken({ sub: 'u1' }), signTestToken({ sub: 'u2' })]);
  });

  afterAll(async () => {
    await bed?.close();
  });

  describe('POST /api/v1/projects', () => {
    it('creates a project owned by the caller, after asking the user service', async () => {
      const before = await bed.requests('user');

      const created = await bed.as(u1, (c) => c.createProject({ name: 'Reading group', description: 'Breakers' }));
      const read = await bed.as(u1, (c) => c.getProject(created.id));

      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Reading group',
        description: 'Breakers',
        ownerId: 'u1',
        access: 'owner',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(read).toEqual(created);
      expect((await bed.requests('user')) - before).toBe(1);
    });

    it.each([
      ['the deactivated u3', 'u3'],
      ['a user the user service does not know', 'ghost'],
    ])('refuses %s with 403 problem+json and writes nothing', async (_name, sub) => {
      const token = await signTestToken({ sub });

      const answer = await call(url, 'POST', '/api/v1/projects', { token, body: { name: 'Nope' } });
      const list = await call(url, 'GET', '/api/v1/projects', { token });

      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(PROBLEM);
      expect(answer.body).toMatchObject({ status: 403, title: 'Forbidden' });
      expect(list.body.items).toEqual([]);
    });

    it.each([
      ['a missing name', {}],
      ['an empty name', { name: '' }],
      ['an unknown field', { name: 'x', owner: 'u2' }],
    ])('answers 400 for %s', async (_name, body) => {
      const answer = await call(url, 'POST', '/api/v1/projects', { token: u1, body });

      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(PROBLEM);
    });
  });

  describe('reading and changing projects', () => {
    it('pages through the caller’s projects newest first, members’ ones included', async () => {
      const token = await signTestToken({ sub: 'u4' });
      expect((await bed.as(token, (c) => c.listProjects())).items).toEqual([]);
      const own = await bed.as(token, (c) => c.createProject({ name: 'A' }));
      const other = await bed.as(u2, (c) => c.createProject({ name: 'B' }));
      await bed.as(u2, (c) => c.addMember(other.id, 'u4'));
      const newest = await bed.as(token, (c) => c.createProject({ name: 'C' }));

      const first = await bed.as(token, (c) => c.listProjects(undefined, 2));
      const second = await bed.as(token, (c) => c.listProjects(first.nextCursor!, 2));

      expect(first.items.map((p) => p.id)).toEqual([newest.id, other.id]);
      expect(first.items[1].access).toBe('member');
      expect(second).toEqual({ items: [expect.objectContaining({ id: own.id, access: 'owner' })], nextCursor: null });
    });

    it('rejects a cursor it did not issue and a malformed id with 400', async () => {
      const cursor = await call(url, 'GET', '/api/v1/projects?cursor=bm90LWEtY3Vyc29y', { token: u1 });
      const id = await call(url, 'GET', '/api/v1/projects/not-a-uuid', { token: u1 });

      expect(cursor.status).toBe(400);
      expect(id.status).toBe(400);
    });

    it('renames, clears the description, and refuses an empty change', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Old', description: 'text' }));

      const renamed = await call(url, 'PATCH', `/api/v1/projects/${created.id}`, {
        token: u1,
        body: { name: 'New', description: null },
      });
      const empty = await call(url, 'PATCH', `/api/v1/projects/${created.id}`, { token: u1, body: {} });

      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: created.id, name: 'New', description: null });
      expect(empty.status).toBe(400);
    });

    it('deletes a project with its members, comments and links', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Doomed' }));
      await bed.as(u1, (c) => c.addMember(created.id, 'u2'));
      await bed.as(u2, (c) => c.addComment(created.id, 'bye'));
      await bed.as(u1, (c) => c.linkResource(created.id, 'k1'));

      const deleted = await call(url, 'DELETE', `/api/v1/projects/${created.id}`, { token: u1 });

      expect(deleted.status).toBe(204);
      expect(await bed.as(u1, (c) => c.getProject(created.id))).toBeUndefined();
      expect((await bed.as(u2, (c) => c.listProjects(undefined, 100))).items.some((p) => p.id === created.id)).toBe(
        false,
      );
      expect((await call(url, 'GET', `/api/v1/projects/${created.id}/comments`, { token: u1 })).status).toBe(404);
    });
  });

  describe('members', () => {
    it('adds an active user, who then sees the project', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Team' }));

      const member = await bed.as(u1, (c) => c.addMember(created.id, 'u2'));
      const seen = await bed.as(u2, (c) => c.getProject(created.id));

      expect(member).toEqual({ projectId: created.id, userId: 'u2', role: 'member', addedAt: expect.any(String) });
      expect(seen?.access).toBe('member');
    });

    it.each([
      ['an unknown user', 'ghost', 422],
      ['a deactivated user', 'u3', 409],
      ['an existing member', 'u2', 409],
    ])('refuses %s (%s) with %d', async (_name, userId, status) => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Team' }));
      await bed.as(u1, (c) => c.addMember(created.id, 'u2'));

      const answer = await call(url, 'POST', `/api/v1/projects/${created.id}/members`, { token: u1, body: { userId } });

      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(PROBLEM);
      expect(answer.body.detail).toContain(userId);
    });

    it('removes a member, who then loses access; never the owner', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Team' }));
      await bed.as(u1, (c) => c.addMember(created.id, 'u2'));

      const removed = await call(url, 'DELETE', `/api/v1/projects/${created.id}/members/u2`, { token: u1 });
      const again = await call(url, 'DELETE', `/api/v1/projects/${created.id}/members/u2`, { token: u1 });
      const owner = await call(url, 'DELETE', `/api/v1/projects/${created.id}/members/u1`, { token: u1 });

      expect(removed.status).toBe(204);
      expect(await bed.as(u2, (c) => c.getProject(created.id))).toBeUndefined();
      expect(again.status).toBe(404);
      expect(owner.status).toBe(409);
    });
  });

  describe('comments', () => {
    it('pages through comments newest first', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Chatty' }));
      await bed.as(u1, (c) => c.addMember(created.id, 'u2'));
      const ids: string[] = [];
      for (const [token, text] of [
        [u1, 'one'],
        [u2, 'two'],
        [u1, 'three'],
      ])
        ids.push((await bed.as(token, (c) => c.addComment(created.id, text))).id);

      const first = await bed.as(u2, (c) => c.listComments(created.id, undefined, 2));
      const second = await bed.as(u2, (c) => c.listComments(created.id, first.nextCursor!, 2));

      expect([...first.items, ...second.items].map((c) => c.id)).toEqual([...ids].reverse());
      expect(first.items[1]).toEqual({
        id: ids[1],
        projectId: created.id,
        authorId: 'u2',
        body: 'two',
        createdAt: expect.any(String),
      });
      expect(second.nextCursor).toBeNull();
    });

    it('rejects an empty comment with 400 and an unknown comment id with 404', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Quiet' }));

      const empty = await call(url, 'POST', `/api/v1/projects/${created.id}/comments`, {
        token: u1,
        body: { body: '' },
      });
      const unknown = await call(
        url,
        'DELETE',
        `/api/v1/projects/${created.id}/comments/00000000-0000-4000-8000-000000000000`,
        { token: u1 },
      );

      expect(empty.status).toBe(400);
      expect(unknown.status).toBe(404);
    });
  });

  describe('knowledge', () => {
    it('links resources verified by the knowledge service, and lists them with fresh titles', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Library' }));

      const k1 = await bed.as(u1, (c) => c.linkResource(created.id, 'k1'));
      await bed.as(u1, (c) => c.linkResource(created.id, 'k3'));
      await bed.as(u1, (c) => c.linkResource(created.id, 'k1'));
      const unknown = await call(url, 'POST', `/api/v1/projects/${created.id}/resources`, {
        token: u1,
        body: { resourceId: 'k404' },
      });
      const list = await bed.as(u1, (c) => c.listResources(created.id));

      expect(k1).toEqual({
        resourceId: 'k1',
        title: 'Circuit breakers in distributed systems',
        linkedAt: expect.any(String),
      });
      expect(unknown.status).toBe(422);
      expect(list.degraded).toBe(false);
      expect(list.items.map((r) => [r.resourceId, r.title]).sort()).toEqual([
        ['k1', 'Circuit breakers in distributed systems'],
        ['k3', 'The tail at scale: latency in large services'],
      ]);
    });

    it('recommends resources for a project', async () => {
      const created = await bed.as(u1, (c) => c.createProject({ name: 'Recs' }));

      const answer = await call(url, 'GET', `/api/v1/projects/${created.id}/recommendations?limit=3`, { token: u1 });

      expect(answer.status).toBe(200);
      expect(answer.body.degraded).toBe(false);
      expect(answer.body.results.length).toBeGreaterThan(0);
      expect(answer.body.results.length).toBeLessThanOrEqual(3);
      expect(answer.body.results[0]).toEqual({
        id: expect.any(String),
        title: expect.any(String),
        score: expect.any(Number),
      });
    });

    it('searches the knowledge service, and answers 400 for an empty or missing q', async () => {
      const found = await call(url, 'GET', '/api/v1/knowledge/search?q=circuit%20breakers&limit=2', { token: u1 });
      const empty = await call(url, 'GET', '/api/v1/knowledge/search?q=%20%20', { token: u1 });
      const missing = await call(url, 'GET', '/api/v1/knowledge/search', { token: u1 });

      expect(found.status).toBe(200);
      expect(found.body.results[0]).toMatchObject({ id: 'k1', title: 'Circuit breakers in distributed systems' });
      expect(empty.status).toBe(400);
      expect(empty.headers.get('content-type')).toMatch(PROBLEM);
      expect(missing.status).toBe(400);
    });
  });
});
