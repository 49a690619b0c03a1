import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import type { PageCursor } from '../common/page-cursor';
import { comments } from '../db/schema';
import type { CommentRow } from '../db/schema';
import type * as schema from '../db/schema';

@Injectable()
export class CommentsRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  async insert(comment: CommentRow): Promise<CommentRow> {
    const [row] = await this.db.insert(comments).values(comment).returning();
    return row as CommentRow;
  }

  /** A project's comments, newest first. */
  async list(projectId: string, limit: number, after?: PageCursor): Promise<CommentRow[]> {
    const ofProject = eq(comments.projectId, projectId);
    const where = after
      ? and(
          ofProject,
          or(lt(comments.createdAt, after.at), and(eq(comments.createdAt, after.at), lt(comments.id, after.id))),
        )
      : ofProject;
    return this.db
      .select()
      .from(comments)
      .where(where)
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(limit);
  }

  async find(projectId: string, id: string): Promise<CommentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(comments)
      .where(and(eq(comments.projectId, projectId), eq(comments.id, id)))
      .limit(1);
    return row;
  }

  async delete(projectId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(comments)
      .where(and(eq(comments.projectId, projectId), eq(comments.id, id)))
      .returning({ id: comments.id });
    return rows.length > 0;
  }
}
