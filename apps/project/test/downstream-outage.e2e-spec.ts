import { signTestToken } from '@keel/platform/testing';
import type { Project } from '@keel/clients-project';
import { callJson as call } from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';

const PROBLEM = /^application\/problem\+json/;

/**
 * The user and knowledge services failing, seen from the project service's callers. One service for
 * the file (booting one takes seconds); each test heals both emulators after itself, and counts
 * downstream requests as differences.
 */
describe('project service when its downstreams fail (e2e)', () => {
  let bed: ProjectTestBed;
  let url: string;
  let u1: string;
  let existing: Project;

  beforeAll(async () => {
    bed = await startProjectTestBed({ USER_SERVICE_MAX_RETRIES: '1', KNOWLEDGE_SERVICE_MAX_RETRIES: '1' });
    url = bed.service.url;
    u1 = await signTestToken({ sub: 'u1' });
    existing = await bed.as(u1, (c) => c.createProject({ name: 'Before the outage' }));
    await bed.as(u1, (c) => c.addMember(existing.id, 'u2'));
    await bed.as(u1, (c) => c.linkResource(existing.id, 'k1'));
    await bed.as(u1, (c) => c.linkResource(existing.id, 'k2'));
  });

  afterEach(async () => {
    await Promise.all([bed.heal('user'), bed.heal('knowledge')]);
  });

  afterAll(async () => {
    await bed?.close();
  });

  describe('user service down', () => {
    beforeEach(async () => {
      await bed.inject('user', { mode: 'down' });
    });

    it('answers 503 problem+json with Retry-After on create, and writes nothing', async () => {
      const answer = await call(url, 'POST', '/api/v1/projects', { token: u1, body: { name: 'During the outage' } });
      const list = await bed.as(u1, (c) => c.listProjects());

      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toMatch(PROBLEM);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(answer.body).toMatchObject({ status: 503, downstream: 'user' });
      expect(list.items.map((p) => p.id)).toEqual([existing.id]);
    });

    it('keeps reads of existing projects, comments and membership checks working, without calling it', async () => {
      const u2 = await signTestToken({ sub: 'u2' });
      const before = await bed.requests('user');

      const read = await bed.as(u1, (c) => c.getProject(existing.id));
      const asMember = await bed.as(u2, (c) => c.getProject(existing.id));
      const list = await bed.as(u2, (c) => c.listProjects());
      const comment = await bed.as(u2, (c) => c.addComment(existing.id, 'still here'));
      const renamed = await call(url, 'PATCH', `/api/v1/projects/${existing.id}`, {
        token: u1,
        body: { name: 'Renamed during the outage' },
      });

      expect(read).toEqual(existing);
      expect(asMember?.access).toBe('member');
      expect(list.items.map((p) => p.id)).toEqual([existing.id]);
      expect(comment.body).toBe('still here');
      expect(renamed.status).toBe(200);
      expect(await bed.requests('user')).toBe(before);
    });

    it('answers 503 on adding a member, which needs the user service', async () => {
      const answer = await call(url, 'POST', `/api/v1/projects/${existing.id}/members`, {
        token: u1,
        body: { userId: 'u4' },
      });

      expect(answer.status).toBe(503);
      expect(answer.body.downstream).toBe('user');
    });
  });

  describe('knowledge service down', () => {
    beforeEach(async () => {
      await bed.inject('knowledge', { mode: 'down' });
    });

    it('lists linked resources with their cached titles and degraded: true', async () => {
      const list = await call(url, 'GET', `/api/v1/projects/${existing.id}/resources`, { token: u1 });

      expect(list.status).toBe(200);
      expect(list.body.degraded).toBe(true);
      expect(list.body.items.map((r: { resourceId: string; title: string }) => [r.resourceId, r.title]).sort()).toEqual(
        [
          ['k1', 'Circuit breakers in distributed systems'],
          ['k2', 'Exponential backoff and jitter for retries'],
        ],
      );
    });

    it('answers recommendations 200, empty and degraded', async () => {
      const answer = await call(url, 'GET', `/api/v1/projects/${existing.id}/recommendations`, { token: u1 });

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ results: [], degraded: true });
    });

    it('stays degraded, not failing, once the circuit is open, and recovers by itself', async () => {
      for (let i = 0; i < 4; i++) await call(url, 'GET', `/api/v1/projects/${existing.id}/resources`, { token: u1 });
      const reached = await bed.requests('knowledge');

      const open = await call(url, 'GET', `/api/v1/projects/${existing.id}/resources`, { token: u1 });
      const reachedAfter = await bed.requests('knowledge');
      await bed.heal('knowledge');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      // The half-open breaker lets one probe through; the page's other lookup may still be refused once.
      let recovered = await bed.as(u1, (c) => c.listResources(existing.id));
      for (let i = 0; i < 5 && recovered.degraded; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        recovered = await bed.as(u1, (c) => c.listResources(existing.id));
      }

      expect(open.status).toBe(200);
      expect(open.body.degraded).toBe(true);
      expect(reachedAfter).toBe(reached);
      expect(recovered.degraded).toBe(false);
    });

    it('answers degraded within its read deadline when knowledge is slow instead of down', async () => {
      await bed.inject('knowledge', { mode: 'slow', latencyMs: 5000 });
      const started = Date.now();

      const [resources, recommendations] = await Promise.all([
        call(url, 'GET', `/api/v1/projects/${existing.id}/resources`, { token: u1 }),
        call(url, 'GET', `/api/v1/projects/${existing.id}/recommendations`, { token: u1 }),
      ]);

      expect(Date.now() - started).toBeLessThan(3000);
      expect(resources.status).toBe(200);
      expect(resources.body.degraded).toBe(true);
      expect(resources.body.items).toHaveLength(2);
      expect(recommendations.body).toEqual({ results: [], degraded: true });
    });

    it('refuses what needs it: linking 503 with Retry-After, searching 503', async () => {
      const link = await call(url, 'POST', `/api/v1/projects/${existing.id}/resources`, {
        token: u1,
        body: { resourceId: 'k3' },
      });
      const search = await call(url, 'GET', '/api/v1/knowledge/search?q=latency', { token: u1 });

      expect(link.status).toBe(503);
      expect(Number(link.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(link.body.downstream).toBe('knowledge');
      expect(search.status).toBe(503);
    });

    it('keeps readiness up, and reports both downstreams in the detailed health', async () => {
      await bed.inject('user', { mode: 'down' });

      const ready = await call(url, 'GET', '/api/health/ready');
      const detailed = await call(url, 'GET', '/api/health');

      expect(ready.status).toBe(200);
      expect(detailed.status).toBe(503);
      expect(detailed.body.details.user).toMatchObject({ status: 'down' });
      expect(detailed.body.details.knowledge).toMatchObject({ status: 'down' });
      expect(detailed.body.details.database.status).toBe('up');
    });
  });
});
