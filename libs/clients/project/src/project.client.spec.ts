import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import { ProjectClient } from './project.client';

const AT = '2024-01-01T00:00:00.000Z';
const PROJECT = {
  id: 'p1',
  name: 'N',
  description: null,
  ownerId: 'u1',
  access: 'owner',
  createdAt: AT,
  updatedAt: AT,
};
const MEMBER = { projectId: 'p1', userId: 'u2', role: 'member', addedAt: AT };
const COMMENT = { id: 'c1', projectId: 'p1', authorId: 'u1', body: 'hi', createdAt: AT };
const LINK = { resourceId: 'k1', title: 'T', linkedAt: AT };

type Case = {
  method: string;
  call: (client: ProjectClient) => Promise<unknown>;
  status: number;
  body: Record<string, unknown>;
  /** A field of `body` whose wrong type the client must refuse, and the violation it names. */
  broken: [Record<string, unknown>, string];
  request: Record<string, unknown>;
};

const CASES: Case[] = [
  {
    method: 'createProject',
    call: (c) => c.createProject({ name: 'N' }),
    status: 201,
    body: PROJECT,
    broken: [{ ...PROJECT, name: 1 }, 'body.name: expected string, got number'],
    request: { method: 'POST', path: '/api/v1/projects', body: { name: 'N' } },
  },
  {
    method: 'getProject',
    call: (c) => c.getProject('p/1'),
    status: 200,
    body: PROJECT,
    broken: [{ ...PROJECT, ownerId: null }, 'body.ownerId: expected string, got null'],
    request: { path: '/api/v1/projects/p%2F1' },
  },
  {
    method: 'listProjects',
    call: (c) => c.listProjects('cur', 5),
    status: 200,
    body: { items: [PROJECT], nextCursor: 'n' },
    broken: [
      { items: [{ ...PROJECT, createdAt: 1 }], nextCursor: null },
      'body.items[0].createdAt: expected string, got number',
    ],
    request: { path: '/api/v1/projects', query: { cursor: 'cur', limit: 5 } },
  },
  {
    method: 'addMember',
    call: (c) => c.addMember('p1', 'u2'),
    status: 201,
    body: MEMBER,
    broken: [{ ...MEMBER, userId: 2 }, 'body.userId: expected string, got number'],
    request: { method: 'POST', path: '/api/v1/projects/p1/members', body: { userId: 'u2' } },
  },
  {
    method: 'addComment',
    call: (c) => c.addComment('p1', 'hi'),
    status: 201,
    body: COMMENT,
    broken: [{ ...COMMENT, body: {} }, 'body.body: expected string, got object'],
    request: { method: 'POST', path: '/api/v1/projects/p1/comments', body: { body: 'hi' } },
  },
  {
    method: 'listComments',
    call: (c) => c.listComments('p1'),
    status: 200,
    body: { items: [COMMENT], nextCursor: null },
    broken: [{ items: {}, nextCursor: null }, 'body.items: expected array, got object'],
    request: { path: '/api/v1/projects/p1/comments' },
  },
  {
    method: 'linkResource',
    call: (c) => c.linkResource('p1', 'k1'),
    status: 201,
    body: LINK,
    broken: [{ ...LINK, title: undefined }, 'body.title: expected string, got undefined'],
    request: { method: 'POST', path: '/api/v1/projects/p1/resources', body: { resourceId: 'k1' } },
  },
  {
    method: 'listResources',
    call: (c) => c.listResources('p1'),
    status: 200,
    body: { items: [LINK], nextCursor: null, degraded: true },
    broken: [{ items: [LINK], nextCursor: null }, 'body.degraded: expected boolean, got undefined'],
    request: { path: '/api/v1/projects/p1/resources' },
  },
];

describe(ProjectClient.name, () => {
  const setup = () => {
    const http = fakeHttpClient('project');
    return { http, client: new ProjectClient(http.client) };
  };

  describe.each(CASES)('$method', ({ method, call, status, body, broken, request }) => {
    it(`answers ${status} with the contract fields`, async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(status, { ...body, extra: 'dropped' });

      // Act
      const value = await call(client);

      // Assert
      expect(value).toEqual(body);
      expect(http.calls[0]).toMatchObject({ operation: method, ...request });
    });

    it('throws DownstreamContractError naming the mis-shaped field', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(status, broken[0]);

      // Act
      const error = await call(client).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual([broken[1]]);
    });

    it('throws DownstreamRejectedError for a 403 and DownstreamUnavailableError for a 503', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(403, { title: 'Forbidden', status: 403 });
      const rejected = await call(client).catch((e: unknown) => e);
      http.answer(503);
      const down = await call(client).catch((e: unknown) => e);

      // Assert
      expect(rejected).toBeInstanceOf(DownstreamRejectedError);
      expect(rejected).toMatchObject({ status: 403 });
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  it('getProject answers 404 with undefined', async () => {
    // Arrange
    const { http, client } = setup();
    http.answer(404);

    // Act / Assert
    await expect(client.getProject('gone')).resolves.toBeUndefined();
  });

  it('refuses a 404 where none is declared (a write to a project that is gone)', async () => {
    // Arrange
    const { http, client } = setup();
    http.answer(404);

    // Act
    const error = await client.addComment('gone', 'x').catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
  });
});
