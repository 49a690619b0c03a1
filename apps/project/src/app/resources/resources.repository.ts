import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, lt, or } from 'drizzle-orm';
import { InjectDatabase } from '@keel/persistence';
import type { Database } from '@keel/persistence';
import type { PageCursor } from '../common/page-cursor';
import { projectResources } from '../db/schema';
import type { ProjectResourceRow } from '../db/schema';
import type * as schema from '../db/schema';

@Injectable()
export class ResourcesRepository {
  constructor(@InjectDatabase() private readonly db: Database<typeof schema>) {}

  /** Links a resource, or refreshes the cached title of one already linked (linking twice is harmless). */
  async upsert(link: ProjectResourceRow): Promise<ProjectResourceRow> {
    const [row] = await this.db
      .insert(projectResources)
      .values(link)
      .onConflictDoUpdate({
        target: [projectResources.projectId, projectResources.resourceId],
        set: { title: link.title },
      })
      .returning();
    return row as ProjectResourceRow;
  }

  /** A project's links, most recent first (ties by resource id). */
  async list(projectId: string, limit: number, after?: PageCursor): Promise<ProjectResourceRow[]> {
    const ofProject = eq(projectResources.projectId, projectId);
    const where = after
      ? and(
          ofProject,
          or(
            lt(projectResources.linkedAt, after.at),
            and(eq(projectResources.linkedAt, after.at), gt(projectResources.resourceId, after.id)),
          ),
        )
      : ofProject;
    return this.db
      .select()
      .from(projectResources)
      .where(where)
      .orderBy(desc(projectResources.linkedAt), asc(projectResources.resourceId))
      .limit(limit);
  }
}
