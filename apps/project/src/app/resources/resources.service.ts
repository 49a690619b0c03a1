import { Injectable, Logger } from '@nestjs/common';
import { KnowledgeClient } from '@keel/clients-knowledge';
import { RequestContext } from '@keel/context';
import type { AuthenticatedUser } from '@keel/context';
import { DownstreamError } from '@keel/clients-core';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/page-cursor';
import type { ProjectResourceRow } from '../db/schema';
import { ProjectAccessGate } from '../projects/project-access.service';
import { unknownResource } from '../projects/projects.errors';
import type {
  LinkedResourcePageResponse,
  LinkedResourceResponse,
  RecommendationsResponse,
} from './dto/resource.response';
import { ResourcesRepository } from './resources.repository';

const RECOMMENDATIONS = 5;
/**
 * How long a read waits for the knowledge service, retries included, before it answers degraded:
 * a slow knowledge service must not make the page slow (its own timeout is 10 s per attempt).
 */
const READ_DEADLINE_MS = 2000;

/** Title lookup outcome: fresh, or undefined when the knowledge service could not answer. */
type Fresh = { title: string } | undefined;

@Injectable()
export class ResourcesService {
  private readonly logger = new Logger(ResourcesService.name);

  constructor(
    private readonly repository: ResourcesRepository,
    private readonly gate: ProjectAccessGate,
    private readonly knowledge: KnowledgeClient,
  ) {}

  /**
   * Links a resource the knowledge service confirms (422 if unknown), caching its title. A write may fail with the
   * downstream (503/504).
   */
  async link(projectId: string, user: AuthenticatedUser, resourceId: string): Promise<LinkedResourceResponse> {
    await this.gate.require(projectId, user, 'contribute');
    const resource = await this.knowledge.getResource(resourceId);
    if (!resource) throw unknownResource(resourceId);
    return toResponse(
      await this.repository.upsert({ projectId, resourceId, title: resource.title, linkedAt: new Date() }),
    );
  }

  /**
   * A page of links with fresh titles. A read must not fail with the knowledge service: a link whose
   * lookup fails keeps its cached title and the page says `degraded: true`. A resource the service no
   * longer knows (404) keeps its cached title too, without degrading the page.
   */
  async list(
    projectId: string,
    user: AuthenticatedUser,
    limit = DEFAULT_PAGE_SIZE,
    cursor?: string,
  ): Promise<LinkedResourcePageResponse> {
    await this.gate.require(projectId, user, 'read');
    const rows = await this.repository.list(projectId, limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const page = toPage(
      rows,
      limit,
      (row) => ({ at: row.linkedAt, id: row.resourceId }),
      (row) => row,
    );
    const fresh = await RequestContext.withDeadline(READ_DEADLINE_MS, () =>
      Promise.all(page.items.map((row) => this.freshTitle(row))),
    );
    const degraded = fresh.some((lookup) => lookup === undefined);
    if (degraded)
      this.logger.warn({
        msg: 'knowledge unavailable; serving cached titles',
        downstream: 'knowledge',
        operation: 'getResource',
        projectId,
      });
    return {
      items: page.items.map((row, i) => ({ ...toResponse(row), title: fresh[i]?.title ?? row.title })),
      nextCursor: page.nextCursor,
      degraded,
    };
  }

  /** Recommendations for the project; empty and `degraded: true` when the knowledge service cannot answer. */
  async recommendations(
    projectId: string,
    user: AuthenticatedUser,
    limit = RECOMMENDATIONS,
  ): Promise<RecommendationsResponse> {
    await this.gate.require(projectId, user, 'read');
    try {
      return {
        results: await RequestContext.withDeadline(READ_DEADLINE_MS, () =>
          this.knowledge.recommendations(projectId, limit),
        ),
        degraded: false,
      };
    } catch (error) {
      if (!(error instanceof DownstreamError)) throw error;
      this.logger.warn({
        msg: 'knowledge unavailable; no recommendations',
        downstream: 'knowledge',
        operation: 'recommendations',
        projectId,
        error: error.kind,
      });
      return { results: [], degraded: true };
    }
  }

  private async freshTitle(row: ProjectResourceRow): Promise<Fresh> {
    try {
      const resource = await this.knowledge.getResource(row.resourceId);
      return { title: resource?.title ?? row.title };
    } catch (error) {
      if (error instanceof DownstreamError) return undefined;
      throw error;
    }
  }
}

function toResponse(row: ProjectResourceRow): LinkedResourceResponse {
  return { resourceId: row.resourceId, title: row.title, linkedAt: row.linkedAt.toISOString() };
}
