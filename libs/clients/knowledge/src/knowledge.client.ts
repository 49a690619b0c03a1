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
import { KNOWLEDGE, KNOWLEDGE_KINDS } from './knowledge.constants';
import type { Citation, KnowledgeResource, ScoredResource } from './knowledge.types';

const RESOURCE_SHAPE = { id: 'string', title: 'string', url: 'string', kind: 'string', tags: 'string[]' } as const;
const SCORED_SHAPE = { id: 'string', title: 'string', score: 'number' } as const;
const CITATION_SHAPE = { id: 'string', title: 'string' } as const;

/** Typed client of the knowledge service. It forwards the caller's token, which the service requires. */
@Injectable()
export class KnowledgeClient {
  constructor(@InjectHttpClient(KNOWLEDGE) private readonly http: ResilientHttpClient) {}

  /** Resource `id`; `undefined` when unknown (404). */
  async getResource(id: string, signal?: AbortSignal): Promise<KnowledgeResource | undefined> {
    const answer = await this.http.send({
      operation: 'getResource',
      path: encodePath`/api/v1/resources/${id}`,
      signal,
    });
    if (this.unknown(answer)) return undefined;
    return this.http.parse(answer, parseResource);
  }

  /** Resources ranked by overlap with `q`. An empty `q` is refused by the service (DownstreamRejectedError 400). */
  search(q: string, limit?: number, signal?: AbortSignal): Promise<ScoredResource[]> {
    return this.http.json({ operation: 'search', path: '/api/v1/search', query: { q, limit }, signal }, (body) =>
      parseList(body, 'results', SCORED_SHAPE),
    );
  }

  /** The resources that `id` cites; `undefined` when `id` is unknown (404). */
  async citations(id: string, signal?: AbortSignal): Promise<Citation[] | undefined> {
    const answer = await this.http.send({
      operation: 'citations',
      path: encodePath`/api/v1/resources/${id}/citations`,
      signal,
    });
    if (this.unknown(answer)) return undefined;
    return this.http.parse(answer, (body) => parseList<Citation>(body, 'citations', CITATION_SHAPE));
  }

  /** Resources recommended for project `projectId`, best first. */
  recommendations(projectId: string, limit?: number, signal?: AbortSignal): Promise<ScoredResource[]> {
    return this.http.json(
      { operation: 'recommendations', path: '/api/v1/recommendations', query: { projectId, limit }, signal },
      (body) => parseList(body, 'results', SCORED_SHAPE),
    );
  }

  /** True for a 404; throws DownstreamRejectedError for any other answer that is not a success. */
  private unknown(answer: HttpAnswer): boolean {
    if (answer.status === 404) return true;
    if (answer.status >= 300) throw this.http.rejected(answer);
    return false;
  }
}

function parseResource(body: unknown): KnowledgeResource {
  const resource = checkShape<KnowledgeResource>(KNOWLEDGE, body, RESOURCE_SHAPE);
  if (!(KNOWLEDGE_KINDS as readonly string[]).includes(resource.kind)) {
    throw new DownstreamContractError(KNOWLEDGE, [
      `body.kind: expected one of ${KNOWLEDGE_KINDS.join('|')}, got '${resource.kind}'`,
    ]);
  }
  return { id: resource.id, title: resource.title, url: resource.url, kind: resource.kind, tags: resource.tags };
}

/** Checks `{ [field]: [...] }` and each item's shape, and keeps only the contract's fields. */
function parseList<T extends object>(body: unknown, field: string, shape: Record<string, 'string' | 'number'>): T[] {
  const list = checkShape<Record<string, unknown[]>>(KNOWLEDGE, body, { [field]: 'array' })[field];
  const violations = list.flatMap((item, i) => shapeViolations(item, shape, `body.${field}[${i}]`));
  if (violations.length > 0) throw new DownstreamContractError(KNOWLEDGE, violations);
  const keys = Object.keys(shape);
  return list.map((item) => Object.fromEntries(keys.map((key) => [key, (item as Record<string, unknown>)[key]])) as T);
}
