// Builders and hand-written fakes for project's unit specs; not part of the build. The in-memory
// repositories keep the contracts the real ones document (newest first, a duplicate member is
// undefined, the owner's row cannot be removed), which the repositories' integration specs check.
import type { KnowledgeResource, ScoredResource } from '@keel/clients-knowledge';
import type { User } from '@keel/clients-user';
import type { AuthenticatedUser } from '@keel/context';
import type { PageCursor } from './common/page-cursor';
import type { CommentRow, MemberRole, MemberRow, ProjectResourceRow, ProjectRow } from './db/schema';
import type { ProjectWithRole } from './projects/projects.repository';

export const T0 = new Date('2026-01-01T00:00:00.000Z');
export const PROJECT_ID = '00000000-0000-4000-8000-000000000001';
export const OTHER_PROJECT_ID = '00000000-0000-4000-8000-000000000002';

export const caller = (id: string, roles: string[] = []): AuthenticatedUser => ({ id, roles, claims: { sub: id } });

export const projectRow = (overrides: Partial<ProjectRow> = {}): ProjectRow => ({
  id: PROJECT_ID,
  name: 'Atlas',
  description: null,
  ownerId: 'owner',
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

export const account = (id: string, active = true): User => ({
  id,
  email: `${id}@example.test`,
  displayName: id,
  roles: [],
  active,
});

export const resource = (id: string, title: string): KnowledgeResource => ({
  id,
  title,
  url: `https://knowledge.test/${id}`,
  kind: 'article',
  tags: [],
});

/** Newer first; ties by `id` descending, as the project and comment queries order. */
const newestFirst = <T extends { id: string }>(at: (row: T) => Date) => {
  return (a: T, b: T) => at(b).getTime() - at(a).getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
};
const before = (at: Date, id: string, cursor: PageCursor) =>
  at < cursor.at || (at.getTime() === cursor.at.getTime() && id < cursor.id);

export class InMemoryProjectsRepository {
  readonly projects = new Map<string, ProjectRow>();
  readonly members: MemberRow[] = [];

  /** Arranges a project with its owner's membership row, as `create` writes it. */
  seed(project: ProjectRow, members: Record<string, MemberRole> = {}): ProjectRow {
    this.projects.set(project.id, project);
    this.members.push({ projectId: project.id, userId: project.ownerId, role: 'owner', addedAt: project.createdAt });
    for (const [userId, role] of Object.entries(members))
      this.members.push({ projectId: project.id, userId, role, addedAt: project.createdAt });
    return project;
  }

  async create(project: ProjectRow): Promise<ProjectRow> {
    return this.seed({ ...project });
  }

  async findWithRole(id: string, userId: string): Promise<ProjectWithRole | undefined> {
    const project = this.projects.get(id);
    if (!project) return undefined;
    return { project, role: this.members.find((m) => m.projectId === id && m.userId === userId)?.role };
  }

  async listForUser(userId: string, limit: number, after?: PageCursor): Promise<(ProjectRow & { role: MemberRole })[]> {
    return this.members
      .filter((m) => m.userId === userId)
      .map((m) => ({ ...this.projects.get(m.projectId)!, role: m.role }))
      .filter((row) => !after || before(row.createdAt, row.id, after))
      .sort(newestFirst((row) => row.createdAt))
      .slice(0, limit);
  }

  async update(
    id: string,
    changes: Partial<Pick<ProjectRow, 'name' | 'description'>>,
  ): Promise<ProjectRow | undefined> {
    const project = this.projects.get(id);
    if (!project) return undefined;
    // Drizzle leaves out keys whose value is undefined; so does this.
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const updated = { ...project, ...given, updatedAt: new Date() };
    this.projects.set(id, updated);
    return updated;
  }

  async delete(id: string): Promise<boolean> {
    const existed = this.projects.delete(id);
    this.members.splice(0, this.members.length, ...this.members.filter((m) => m.projectId !== id));
    return existed;
  }

  async addMember(member: MemberRow): Promise<MemberRow | undefined> {
    if (this.members.some((m) => m.projectId === member.projectId && m.userId === member.userId)) return undefined;
    this.members.push(member);
    return member;
  }

  async findMember(projectId: string, userId: string): Promise<MemberRow | undefined> {
    return this.members.find((m) => m.projectId === projectId && m.userId === userId);
  }

  async removeMember(projectId: string, userId: string): Promise<boolean> {
    const index = this.members.findIndex(
      (m) => m.projectId === projectId && m.userId === userId && m.role === 'member',
    );
    if (index < 0) return false;
    this.members.splice(index, 1);
    return true;
  }
}

export class InMemoryCommentsRepository {
  readonly rows: CommentRow[] = [];

  async insert(comment: CommentRow): Promise<CommentRow> {
    this.rows.push(comment);
    return comment;
  }

  async list(projectId: string, limit: number, after?: PageCursor): Promise<CommentRow[]> {
    return this.rows
      .filter((row) => row.projectId === projectId && (!after || before(row.createdAt, row.id, after)))
      .sort(newestFirst((row) => row.createdAt))
      .slice(0, limit);
  }

  async find(projectId: string, id: string): Promise<CommentRow | undefined> {
    return this.rows.find((row) => row.projectId === projectId && row.id === id);
  }

  async delete(projectId: string, id: string): Promise<boolean> {
    const index = this.rows.findIndex((row) => row.projectId === projectId && row.id === id);
    if (index >= 0) this.rows.splice(index, 1);
    return index >= 0;
  }
}

export class InMemoryResourcesRepository {
  readonly rows: ProjectResourceRow[] = [];

  async upsert(link: ProjectResourceRow): Promise<ProjectResourceRow> {
    const existing = this.rows.find((row) => row.projectId === link.projectId && row.resourceId === link.resourceId);
    if (existing) {
      existing.title = link.title;
      return { ...existing };
    }
    this.rows.push({ ...link });
    return { ...link };
  }

  /** Most recent first, ties by resource id ascending (as the real query orders). */
  async list(projectId: string, limit: number, after?: PageCursor): Promise<ProjectResourceRow[]> {
    return this.rows
      .filter(
        (row) =>
          row.projectId === projectId &&
          (!after ||
            row.linkedAt < after.at ||
            (row.linkedAt.getTime() === after.at.getTime() && row.resourceId > after.id)),
      )
      .sort((a, b) => b.linkedAt.getTime() - a.linkedAt.getTime() || a.resourceId.localeCompare(b.resourceId))
      .slice(0, limit)
      .map((row) => ({ ...row }));
  }
}

/** user-service as UserClient shows it. */
export class FakeUserClient {
  readonly users = new Map<string, User>();
  readonly asked: string[] = [];
  /** Thrown instead of answering (user-service down: a DownstreamError). */
  failure: Error | undefined;

  constructor(...users: User[]) {
    for (const user of users) this.users.set(user.id, user);
  }

  async getUser(id: string): Promise<User | undefined> {
    this.asked.push(id);
    if (this.failure) throw this.failure;
    return this.users.get(id);
  }
}

/** The knowledge service as KnowledgeClient shows it. */
export class FakeKnowledgeClient {
  readonly resources = new Map<string, KnowledgeResource>();
  recommended: ScoredResource[] = [];
  readonly asked: { operation: 'getResource' | 'recommendations'; id: string; limit?: number }[] = [];
  /** Thrown instead of answering, for every call or for the resource ids named. */
  failure: Error | undefined;
  readonly failing = new Set<string>();

  constructor(...resources: KnowledgeResource[]) {
    for (const known of resources) this.resources.set(known.id, known);
  }

  async getResource(id: string): Promise<KnowledgeResource | undefined> {
    this.asked.push({ operation: 'getResource', id });
    if (this.failure && (this.failing.size === 0 || this.failing.has(id))) throw this.failure;
    return this.resources.get(id);
  }

  async recommendations(projectId: string, limit?: number): Promise<ScoredResource[]> {
    this.asked.push({ operation: 'recommendations', id: projectId, limit });
    if (this.failure) throw this.failure;
    return this.recommended.slice(0, limit);
  }
}
