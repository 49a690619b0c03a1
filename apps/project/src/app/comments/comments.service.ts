import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@keel/context';
import { UUID_PATTERN } from '@keel/platform';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/page-cursor';
import type { CommentRow } from '../db/schema';
import { mayDeleteComment } from '../projects/project-access';
import { ProjectAccessGate } from '../projects/project-access.service';
import { commentForbidden, unknownComment } from '../projects/projects.errors';
import { CommentsRepository } from './comments.repository';
import type { CommentPageResponse, CommentResponse } from './dto/comment.response';

@Injectable()
export class CommentsService {
  constructor(
    private readonly repository: CommentsRepository,
    private readonly gate: ProjectAccessGate,
  ) {}

  async add(projectId: string, user: AuthenticatedUser, body: string): Promise<CommentResponse> {
    await this.gate.require(projectId, user, 'contribute');
    const row = await this.repository.insert({
      id: randomUUID(),
      projectId,
      authorId: user.id,
      body,
      createdAt: new Date(),
    });
    return toResponse(row);
  }

  async list(
    projectId: string,
    user: AuthenticatedUser,
    limit = DEFAULT_PAGE_SIZE,
    cursor?: string,
  ): Promise<CommentPageResponse> {
    await this.gate.require(projectId, user, 'read');
    const after = cursor ? decodeCursor(cursor, UUID_PATTERN) : undefined;
    const rows = await this.repository.list(projectId, limit + 1, after);
    return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }), toResponse);
  }

  /** The author, the project's owner or an admin may delete; another member gets 403, a stranger 404. */
  async delete(projectId: string, user: AuthenticatedUser, commentId: string): Promise<void> {
    const { access } = await this.gate.require(projectId, user, 'read');
    const comment = await this.repository.find(projectId, commentId);
    if (!comment) throw unknownComment(commentId);
    if (!mayDeleteComment(access, user.id, comment.authorId)) throw commentForbidden();
    if (!(await this.repository.delete(projectId, commentId))) throw unknownComment(commentId);
  }
}

function toResponse(row: CommentRow): CommentResponse {
  return {
    id: row.id,
    projectId: row.projectId,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
