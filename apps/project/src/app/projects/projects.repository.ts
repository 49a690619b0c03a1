import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import { projectMembers, projects } from '../db/schema';
import type { MemberRole, MemberRow, ProjectRow } from '../db/schema';
import type * as schema from '../db/schema';
import type { PageCursor } from '../common/page-cursor';

export interface ProjectWithRole {
  project: ProjectRow;
  /** The caller's membership role; undefined when they are not a member. */
  role: MemberRole | undefined;
}

/** Projects and their memberships. The owner's membership row is written with the project, in one transaction. */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  async create(project: ProjectRow): Promise<ProjectRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(projects).values(project).returning();
      await tx
        .insert(projectMembers)
        .values({ projectId: project.id, userId: project.ownerId, role: 'owner', addedAt: project.createdAt });
      return row as ProjectRow;
    });
  }

  /** The project with `userId`'s role in it, in one query; undefined when there is no such project. */
  async findWithRole(id: string, userId: string): Promise<ProjectWithRole | undefined> {
    const [row] = await this.db
      .select({ project: projects, role: projectMembers.role })
      .from(projects)
      .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
      .where(eq(projects.id, id))
      .limit(1);
    return row ? { project: row.project, role: row.role ?? undefined } : undefined;
  }

  /** The projects `userId` owns or belongs to, newest first. */
  async listForUser(userId: string, limit: number, after?: PageCursor): Promise<(ProjectRow & { role: MemberRole })[]> {
    const mine = eq(projectMembers.userId, userId);
    const where = after
      ? and(
          mine,
          or(lt(projects.createdAt, after.at), and(eq(projects.createdAt, after.at), lt(projects.id, after.id))),
        )
      : mine;
    const rows = await this.db
      .select({ project: projects, role: projectMembers.role })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(where)
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit);
    return rows.map((row) => ({ ...row.project, role: row.role }));
  }

  async update(
    id: string,
    changes: Partial<Pick<ProjectRow, 'name' | 'description'>>,
  ): Promise<ProjectRow | undefined> {
    const [row] = await this.db
      .update(projects)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(projects.id, id))
      .returning();
    return row;
  }

  /** Deletes the project; its members, comments and resource links go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(projects).where(eq(projects.id, id)).returning({ id: projects.id });
    return rows.length > 0;
  }

  /** Adds a member; undefined when they already were one. */
  async addMember(member: MemberRow): Promise<MemberRow | undefined> {
    const [row] = await this.db.insert(projectMembers).values(member).onConflictDoNothing().returning();
    return row;
  }

  async findMember(projectId: string, userId: string): Promise<MemberRow | undefined> {
    const [row] = await this.db
      .select()
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
      .limit(1);
    return row;
  }

  async removeMember(projectId: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .delete(projectMembers)
      .where(
        and(
          eq(projectMembers.projectId, projectId),
          eq(projectMembers.userId, userId),
          eq(projectMembers.role, 'member'),
        ),
      )
      .returning({ userId: projectMembers.userId });
    return rows.length > 0;
  }
}
