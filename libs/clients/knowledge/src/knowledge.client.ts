import { Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import { KNOWLEDGE } from './knowledge.constants';
import { CitationsSchema, KnowledgeResourceSchema, ScoredResultsSchema } from './knowledge.schemas';
import type { Citation, KnowledgeResource, ScoredResource } from './knowledge.schemas';

/** Typed client of the knowledge service. It forwards the caller's token, which the service requires. */
@Injectable()
export class KnowledgeClient {
  constructor(@InjectHttpClient(KNOWLEDGE) private readonly http: ResilientHttpClient) {}

  /** Resource `id`; `undefined` when unknown (404). */
  async getResource(id: string): Promise<KnowledgeResource | undefined> {
    const { body } = await this.http.call({
      operation: 'getResource',
      path: encodePath`/api/v1/resources/${id}`,
      answers: { 200: KnowledgeResourceSchema, 404: null },
    });
    return body;
  }

  /** Resources ranked by overlap with `q`. An empty `q` is refused by the service (DownstreamRejectedError 400). */
  async search(q: string, limit?: number): Promise<ScoredResource[]> {
    const { body } = await this.http.call({
      operation: 'search',
      path: '/api/v1/search',
      query: { q, limit },
      answers: { 200: ScoredResultsSchema },
    });
    return body.results;
  }

  /** The resources that `id` cites; `undefined` when `id` is unknown (404). */
  async citations(id: string): Promise<Citation[] | undefined> {
    const { body } = await this.http.call({
      operation: 'citations',
      path: encodePath`/api/v1/resources/${id}/citations`,
      answers: { 200: CitationsSchema, 404: null },
    });
    return body?.citations;
  }

  /** Resources recommended for project `projectId`, best first. */
  async recommendations(projectId: string, limit?: number): Promise<ScoredResource[]> {
    const { body } = await this.http.call({
      operation: 'recommendations',
      path: '/api/v1/recommendations',
      query: { projectId, limit },
      answers: { 200: ScoredResultsSchema },
    });
    return body.results;
  }
}
