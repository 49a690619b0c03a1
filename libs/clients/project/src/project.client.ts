import { Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import { PROJECT } from './project.constants';
import {
  CommentPageSchema,
  LinkedResourcePageSchema,
  LinkedResourceSchema,
  ProjectCommentSchema,
  ProjectMemberSchema,
  ProjectPageSchema,
  ProjectSchema,
} from './project.schemas';
import type {
  LinkedResource,
  LinkedResourcePage,
  NewProject,
  Page,
  Project,
  ProjectComment,
  ProjectMember,
} from './project.schemas';

/**
 * Typed client of the project service. It forwards the caller's token: the service decides access
 * per user. A 404 on a read is `undefined`; other refusals are DownstreamRejectedError with `status`
 * (403 not allowed, 409 conflict, 422 unknown user or resource) for the caller to map.
 */
@Injectable()
export class ProjectClient {
  constructor(@InjectHttpClient(PROJECT) private readonly http: ResilientHttpClient) {}

  /** Creates a project owned by the caller. Not retried (a POST without an Idempotency-Key). */
  async createProject(project: NewProject): Promise<Project> {
    const { body } = await this.http.call({
      operation: 'createProject',
      method: 'POST',
      path: '/api/v1/projects',
      body: project,
      answers: { 201: ProjectSchema, 200: ProjectSchema },
    });
    return body;
  }

  /** The project, or `undefined` when it does not exist or the caller may not see it (404). */
  async getProject(id: string): Promise<Project | undefined> {
    const { body } = await this.http.call({
      operation: 'getProject',
      path: encodePath`/api/v1/projects/${id}`,
      answers: { 200: ProjectSchema, 404: null },
    });
    return body;
  }

  /** One page of the projects the caller owns or belongs to, newest first. */
  async listProjects(cursor?: string, limit?: number): Promise<Page<Project>> {
    const { body } = await this.http.call({
      operation: 'listProjects',
      path: '/api/v1/projects',
      query: { cursor, limit },
      answers: { 200: ProjectPageSchema },
    });
    return body;
  }

  async addMember(projectId: string, userId: string): Promise<ProjectMember> {
    const { body } = await this.http.call({
      operation: 'addMember',
      method: 'POST',
      path: encodePath`/api/v1/projects/${projectId}/members`,
      body: { userId },
      answers: { 201: ProjectMemberSchema, 200: ProjectMemberSchema },
    });
    return body;
  }

  async addComment(projectId: string, text: string): Promise<ProjectComment> {
    const { body } = await this.http.call({
      operation: 'addComment',
      method: 'POST',
      path: encodePath`/api/v1/projects/${projectId}/comments`,
      body: { body: text },
      answers: { 201: ProjectCommentSchema, 200: ProjectCommentSchema },
    });
    return body;
  }

  /** One page of a project's comments, newest first. */
  async listComments(projectId: string, cursor?: string, limit?: number): Promise<Page<ProjectComment>> {
    const { body } = await this.http.call({
      operation: 'listComments',
      path: encodePath`/api/v1/projects/${projectId}/comments`,
      query: { cursor, limit },
      answers: { 200: CommentPageSchema },
    });
    return body;
  }

  /** Links a knowledge resource; linking one already linked refreshes its cached title. */
  async linkResource(projectId: string, resourceId: string): Promise<LinkedResource> {
    const { body } = await this.http.call({
      operation: 'linkResource',
      method: 'POST',
      path: encodePath`/api/v1/projects/${projectId}/resources`,
      body: { resourceId },
      answers: { 201: LinkedResourceSchema, 200: LinkedResourceSchema },
    });
    return body;
  }

  async listResources(projectId: string, cursor?: string, limit?: number): Promise<LinkedResourcePage> {
    const { body } = await this.http.call({
      operation: 'listResources',
      path: encodePath`/api/v1/projects/${projectId}/resources`,
      query: { cursor, limit },
      answers: { 200: LinkedResourcePageSchema },
    });
    return body;
  }
}
