import { signTestToken } from '@keel/platform/testing';
import type { Project, ProjectComment } from '@keel/clients-project';
import { callJson as call } from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';

type Actor = 'owner' | 'member' | 'stranger' | 'admin';
interface Fixture {
  project: Project;
  memberComment: ProjectComment;
  ownerComment: ProjectComment;
}
type Endpoint = [
  name: string,
  method: string,
  path: (f: Fixture) => string,
  body: unknown,
  expected: Record<Actor, number>,
];

const ACTORS: Actor[] = ['owner', 'member', 'stranger', 'admin'];
const project = (f: Fixture) => `/api/v1/projects/${f.project.id}`;

/** Every endpoint under a project, and the status each kind of caller gets. */
const ENDPOINTS: Endpoint[] = [
  ['GET project', 'GET', project, undefined, { owner: 200, member: 200, stranger: 404, admin: 200 }],
  ['PATCH project', 'PATCH', project, { name: 'Renamed' }, { owner: 200, member: 403, stranger: 404, admin: 200 }],
  ['DELETE project', 'DELETE', project, undefined, { owner: 204, member: 403, stranger: 404, admin: 204 }],
  [
    'POST member',
    'POST',
    (f) => `${project(f)}/members`,
    { userId: 'u4' },
    { owner: 201, member: 403, stranger: 404, admin: 201 },
  ],
  [
    'DELETE member',
    'DELETE',
    (f) => `${project(f)}/members/u2`,
    undefined,
    { owner: 204, member: 403, stranger: 404, admin: 204 },
  ],
  [
    'GET comments',
    'GET',
    (f) => `${project(f)}/comments`,
    undefined,
    { owner: 200, member: 200, stranger: 404, admin: 200 },
  ],
  [
    'POST comment',
    'POST',
    (f) => `${project(f)}/comments`,
    { body: 'hello' },
    { owner: 201, member: 201, stranger: 404, admin: 201 },
  ],
  [
    'DELETE the member’s comment',
    'DELETE',
    (f) => `${project(f)}/comments/${f.memberComment.id}`,
    undefined,
    { owner: 204, member: 204, stranger: 404, admin: 204 },
  ],
  [
    'DELETE the owner’s comment',
    'DELETE',
    (f) => `${project(f)}/comments/${f.ownerComment.id}`,
    undefined,
    { owner: 204, member: 403, stranger: 404, admin: 204 },
  ],
  [
    'POST resource',
    'POST',
    (f) => `${project(f)}/resources`,
    { resourceId: 'k2' },
    { owner: 201, member: 201, stranger: 404, admin: 201 },
  ],
  [
    'GET resources',
    'GET',
    (f) => `${project(f)}/resources`,
    undefined,
    { owner: 200, member: 200, stranger: 404, admin: 200 },
  ],
  [
    'GET recommendations',
    'GET',
    (f) => `${project(f)}/recommendations`,
    undefined,
    { owner: 200, member: 200, stranger: 404, admin: 200 },
  ],
];

describe('project service access matrix (e2e)', () => {
  let bed: ProjectTestBed;
  let tokens: Record<Actor, string>;

  /** A fresh project per case: owner u1, member u2, a comment by each and a linked resource (k1). */
  async function fixture(): Promise<Fixture> {
    const created = await bed.as(tokens.owner, (c) => c.createProject({ name: 'Matrix' }));
    await bed.as(tokens.owner, (c) => c.addMember(created.id, 'u2'));
    const memberComment = await bed.as(tokens.member, (c) => c.addComment(created.id, 'by the member'));
    const ownerComment = await bed.as(tokens.owner, (c) => c.addComment(created.id, 'by the owner'));
    await bed.as(tokens.owner, (c) => c.linkResource(created.id, 'k1'));
    return { project: created, memberComment, ownerComment };
  }

  beforeAll(async () => {
    bed = await startProjectTestBed();
    const [owner, member, stranger, admin] = await Promise.all([
      signTestToken({ sub: 'u1' }),
      signTestToken({ sub: 'u2' }),
      signTestToken({ sub: 'stranger1' }),
      signTestToken({ sub: 'admin1', roles: ['member', 'admin'] }),
    ]);
    tokens = { owner, member, stranger, admin };
  });

  afterAll(async () => {
    await bed?.close();
  });

  const cases = ENDPOINTS.flatMap(([name, method, path, body, expected]) =>
    ACTORS.map((actor) => [name, actor, expected[actor], method, path, body] as const),
  );

  it.each(cases)('%s as %s → %d', async (_name, actor, status, method, path, body) => {
    // Arrange
    const f = await fixture();

    // Act
    const answer = await call(bed.service.url, method, path(f), { token: tokens[actor], body });

    // Assert
    expect(answer.status).toBe(status);
    if (status >= 400) expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    if (status === 404) expect(answer.body.detail).toContain(f.project.id);
  });

  it.each(ENDPOINTS.map(([name, method, path]) => [name, method, path] as const))(
    '%s without a token → 401',
    async (_name, method, path) => {
      const f = await fixture();

      const answer = await call(bed.service.url, method, path(f));

      expect(answer.status).toBe(401);
    },
  );

  it('writes nothing when a member or a stranger is refused', async () => {
    // Arrange
    const f = await fixture();

    // Act
    for (const actor of ['member', 'stranger'] as const) {
      await call(bed.service.url, 'PATCH', project(f), { token: tokens[actor], body: { name: 'Hijacked' } });
      await call(bed.service.url, 'DELETE', project(f), { token: tokens[actor] });
      await call(bed.service.url, 'DELETE', `${project(f)}/comments/${f.ownerComment.id}`, { token: tokens[actor] });
    }
    const after = await bed.as(tokens.owner, (c) => c.getProject(f.project.id));
    const comments = await bed.as(tokens.owner, (c) => c.listComments(f.project.id));

    // Assert
    expect(after).toEqual(f.project);
    expect(comments.items.map((c) => c.id)).toContain(f.ownerComment.id);
  });

  it('lists a project for its owner and members, not for strangers or admins who are not members', async () => {
    const f = await fixture();

    const listed = await Promise.all(
      ACTORS.map(async (actor) =>
        (await call(bed.service.url, 'GET', '/api/v1/projects?limit=100', { token: tokens[actor] })).body.items.some(
          (p: { id: string }) => p.id === f.project.id,
        ),
      ),
    );

    expect(Object.fromEntries(ACTORS.map((actor, i) => [actor, listed[i]]))).toEqual({
      owner: true,
      member: true,
      stranger: false,
      admin: false,
    });
  });

  it('reports the caller’s access on a project', async () => {
    const f = await fixture();

    const access = await Promise.all(
      ['owner', 'member', 'admin'].map(
        async (actor) =>
          (await call(bed.service.url, 'GET', project(f), { token: tokens[actor as Actor] })).body.access,
      ),
    );

    expect(access).toEqual(['owner', 'member', 'admin']);
  });

  it.each(ACTORS)('GET /api/v1/knowledge/search as %s → 200', async (actor) => {
    const answer = await call(bed.service.url, 'GET', '/api/v1/knowledge/search?q=circuit', { token: tokens[actor] });

    expect(answer.status).toBe(200);
  });
});
