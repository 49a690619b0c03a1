import { Injectable } from '@nestjs/common';
import {
  DownstreamContractError,
  InjectHttpClient,
  ResilientHttpClient,
  checkShape,
  encodePath,
  shapeViolations,
} from '@keel/clients-core';
import type { HttpAnswer } from '@keel/clients-core';
import { PROJECT } from './project.constants';
import type {
  LinkedResource,
  LinkedResourcePage,
  NewProject,
  Page,
  Project,
  ProjectComment,
  ProjectMember,
} from './project.types';

type Shape = Parameters<typeof checkShape>[2];

const PROJECT_SHAPE = {
  id: 'string',
  name: 'string',
  description: 'string|null',
  ownerId: 'string',
  access: 'string',
  createdAt: 'string',
  updatedAt: 'string',
} as const;
const MEMBER_SHAPE = { projectId: 'string', userId: 'string', role: 'string', addedAt: 'string' } as const;
const COMMENT_SHAPE = {
  id: 'string',
  projectId: 'string',
  authorId: 'string',
  body: 'string',
  createdAt: 'string',
} as const;
const RESOURCE_SHAPE = { resourceId: 'string', title: 'string', linkedAt: 'string' } as const;

/**
 * Typed client of the project service. It forwards the caller's token: the service decides access
 * per user. A 404 on a read is `undefined`; other refusals are DownstreamRejectedError with `status`
 * (403 not allowed, 409 conflict, 422 unknown user or resource) for the caller to map.
 */
@Injectable()
export class ProjectClient {
  constructor(@InjectHttpClient(PROJECT) private readonly http: ResilientHttpClient) {}

  /** Creates a project owned by the caller. Not retried (a POST without an Idempotency-Key). */
  createProject(project: NewProject, signal?: AbortSignal): Promise<Project> {
    return this.http.json(
      { operation: 'createProject', method: 'POST', path: '/api/v1/projects', body: project, signal },
      (body) => pick(body, PROJECT_SHAPE),
    );
  }

  /** The project, or `undefined` when it does not exist or the caller may not see it (404). */
  async getProject(id: string, signal?: AbortSignal): Promise<Project | undefined> {
    const answer = await this.http.send({ operation: 'getProject', path: encodePath`/api/v1/projects/${id}`, signal });
    if (this.notFound(answer)) return undefined;
    return this.http.parse(answer, (body) => pick<Project>(body, PROJECT_SHAPE));
  }

  /** One page of the projects the caller owns or belongs to, newest first. */
  listProjects(cursor?: string, limit?: number, signal?: AbortSignal): Promise<Page<Project>> {
    return this.http.json(
      { operation: 'listProjects', path: '/api/v1/projects', query: { cursor, limit }, signal },
      (body) => parsePage<Project>(body, PROJECT_SHAPE),
    );
  }

  addMember(projectId: string, userId: string, signal?: AbortSignal): Promise<ProjectMember> {
    return this.http.json(
      {
        operation: 'addMember',
        method: 'POST',
        path: encodePath`/api/v1/projects/${projectId}/members`,
        body: { userId },
        signal,
      },
      (body) => pick(body, MEMBER_SHAPE),
    );
  }

  addComment(projectId: string, text: string, signal?: AbortSignal): Promise<ProjectComment> {
    return this.http.json(
      {
        operation: 'addComment',
        method: 'POST',
        path: encodePath`/api/v1/projects/${projectId}/comments`,
        body: { body: text },
        signal,
      },
      (body) => pick(body, COMMENT_SHAPE),
    );
  }

  /** One page of a project's comments, newest first. */
  listComments(
    projectId: string,
    cursor?: string,
    limit?: number,
    signal?: AbortSignal,
  ): Promise<Page<ProjectComment>> {
    return this.http.json(
      {
        operation: 'listComments',
        path: encodePath`/api/v1/projects/${projectId}/comments`,
        query: { cursor, limit },
        signal,
      },
      (body) => parsePage<ProjectComment>(body, COMMENT_SHAPE),
    );
  }

  /** Links a knowledge resource; linking one already linked refreshes its cached title. */
  linkResource(projectId: string, resourceId: string, signal?: AbortSignal): Promise<LinkedResource> {
    return this.http.json(
      {
        operation: 'linkResource',
        method: 'POST',
        path: encodePath`/api/v1/projects/${projectId}/resources`,
        body: { resourceId },
        signal,
      },
      (body) => pick(body, RESOURCE_SHAPE),
    );
  }

  listResources(projectId: string, cursor?: string, limit?: number, signal?: AbortSignal): Promise<LinkedResourcePage> {
    return this.http.json(
      {
        operation: 'listResources',
        path: encodePath`/api/v1/projects/${projectId}/resources`,
        query: { cursor, limit },
        signal,
      },
      (body) => {
        const page = parsePage<LinkedResource>(body, RESOURCE_SHAPE);
        return {
          ...page,
          degraded: checkShape<{ degraded: boolean }>(PROJECT, body, { degraded: 'boolean' }).degraded,
        };
      },
    );
  }

  /** True for a 404; throws DownstreamRejectedError for any other answer that is not a success. */
  private notFound(answer: HttpAnswer): boolean {
    if (answer.status === 404) return true;
    if (answer.status >= 300) throw this.http.rejected(answer);
    return false;
  }
}

/** Checks the shape and keeps only the contract's fields. */
function pick<T>(body: unknown, shape: Shape, where = 'body'): T {
  const checked = checkShape<Record<string, unknown>>(PROJECT, body, shape, where);
  return Object.fromEntries(Object.keys(shape).map((key) => [key, checked[key]])) as T;
}

function parsePage<T>(body: unknown, shape: Shape): Page<T> {
  const page = checkShape<{ items: unknown[]; nextCursor: string | null }>(PROJECT, body, {
    items: 'array',
    nextCursor: 'string|null',
  });
  const violations = page.items.flatMap((item, i) => shapeViolations(item, shape, `body.items[${i}]`));
  if (violations.length > 0) throw new DownstreamContractError(PROJECT, violations);
  return { items: page.items.map((item) => pick<T>(item, shape)), nextCursor: page.nextCursor };
}
