import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { RequestContext } from '@keel/context';
import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { ResilienceModule } from '@keel/resilience';
import { readJsonBody, sandboxControl, sendJson, sendProblem, startEmulator } from '@keel/sandbox';
import type { RunningEmulator } from '@keel/sandbox';
import { ProjectClient } from './project.client';
import { ProjectClientModule } from './project-client.module';

const PROJECT = {
  id: 'p-1',
  name: 'Reading group',
  description: null,
  ownerId: 'u1',
  access: 'owner',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/**
 * The real client, policies and transport against a loopback stand-in of the project service's API
 * (the real service is exercised through this client by apps/project's e2e specs).
 */
describe(ProjectClient.name, () => {
  let server: RunningEmulator;
  let moduleRef: TestingModule;
  let client: ProjectClient;
  let lastBody: unknown;

  const control = () => sandboxControl(server.url);
  const stats = () => control().stats<{ requests: number; lastHeaders: Record<string, unknown> }>();
  const asUser = <T>(fn: () => Promise<T>) => RequestContext.run({ requestId: 'req-7', token: 'user-token' }, fn);

  beforeAll(async () => {
    server = await startEmulator({
      name: 'project',
      port: 0,
      routes: [
        {
          method: 'POST',
          path: '/api/v1/projects',
          handler: async (ctx) => {
            lastBody = await readJsonBody(ctx.req);
            sendJson(ctx.res, 201, { ...PROJECT, extra: 'dropped' });
          },
        },
        {
          method: 'GET',
          path: '/api/v1/projects',
          handler: (ctx) => sendJson(ctx.res, 200, { items: [PROJECT], nextCursor: null }),
        },
        { method: 'GET', path: '/api/v1/projects/p-1', handler: (ctx) => sendJson(ctx.res, 200, PROJECT) },
        {
          method: 'GET',
          path: '/api/v1/projects/p-hidden',
          handler: (ctx) => sendProblem(ctx.res, 404, 'Project p-hidden not found'),
        },
        {
          method: 'GET',
          path: '/api/v1/projects/p-bad',
          handler: (ctx) => sendJson(ctx.res, 200, { ...PROJECT, name: 42 }),
        },
        {
          method: 'POST',
          path: '/api/v1/projects/p-1/members',
          handler: (ctx) => sendProblem(ctx.res, 409, 'User u3 is deactivated'),
        },
        {
          method: 'GET',
          path: '/api/v1/projects/p-1/resources',
          handler: (ctx) =>
            sendJson(ctx.res, 200, {
              items: [{ resourceId: 'k1', title: 'Cached', linkedAt: '2026-01-01T00:00:00.000Z' }],
              nextCursor: null,
              degraded: true,
            }),
        },
      ],
    });
  });

  beforeEach(async () => {
    await control().heal();
    await control().resetStats();
    Object.assign(process.env, {
      PROJECT_SERVICE_URL: server.url,
      PROJECT_SERVICE_TIMEOUT: '1s',
      PROJECT_SERVICE_RETRY_DELAY: '5ms',
    });
    moduleRef = await Test.createTestingModule({
      imports: [ResilienceModule.forRoot({}), ProjectClientModule],
    }).compile();
    await moduleRef.init();
    client = moduleRef.get(ProjectClient);
  });

  afterEach(async () => {
    await moduleRef?.close();
  });

  afterAll(async () => {
    await server.close();
  });

  it('creates a project, forwarding the caller’s token and request id; keeps the contract’s fields only', async () => {
    const created = await asUser(() => client.createProject({ name: 'Reading group' }));

    expect(created).toEqual(PROJECT);
    expect(lastBody).toEqual({ name: 'Reading group' });
    expect((await stats()).lastHeaders).toEqual({ 'x-request-id': 'req-7', authorization: true });
  });

  it('reads a project, and gives undefined for one the caller may not see (404)', async () => {
    expect(await asUser(() => client.getProject('p-1'))).toEqual(PROJECT);
    expect(await asUser(() => client.getProject('p-hidden'))).toBeUndefined();
  });

  it('lists pages and the degraded flag of resources', async () => {
    const projects = await asUser(() => client.listProjects(undefined, 10));
    const resources = await asUser(() => client.listResources('p-1'));

    expect(projects).toEqual({ items: [PROJECT], nextCursor: null });
    expect(resources).toEqual({
      items: [{ resourceId: 'k1', title: 'Cached', linkedAt: '2026-01-01T00:00:00.000Z' }],
      nextCursor: null,
      degraded: true,
    });
  });

  it('surfaces a refusal as DownstreamRejectedError with its status and problem', async () => {
    const error = await asUser(() => client.addMember('p-1', 'u3')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(409);
    expect((error as DownstreamRejectedError).problem?.detail).toBe('User u3 is deactivated');
  });

  it('turns a mis-shaped body into DownstreamContractError naming the field', async () => {
    const error = await asUser(() => client.getProject('p-bad')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toEqual(['body.name: expected string, got number']);
  });

  it('retries a GET on 503 but never a POST', async () => {
    await control().inject({ mode: 'error', status: 503 });

    await expect(asUser(() => client.getProject('p-1'))).rejects.toBeInstanceOf(DownstreamUnavailableError);
    const afterGet = (await stats()).requests;
    await expect(asUser(() => client.createProject({ name: 'x' }))).rejects.toBeInstanceOf(DownstreamUnavailableError);

    expect(afterGet).toBe(3);
    expect((await stats()).requests).toBe(4);
  });
});
