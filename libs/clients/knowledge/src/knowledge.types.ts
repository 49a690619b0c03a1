import type { KNOWLEDGE_KINDS } from './knowledge.constants';

/** The knowledge service's contract (shared/contracts/internal-services.md, "Knowledge service"). */
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

export interface KnowledgeResource {
  id: string;
  title: string;
  url: string;
  kind: KnowledgeKind;
  tags: string[];
}

/** One hit of `search` or `recommendations`, best first. */
export interface ScoredResource {
  id: string;
  title: string;
  score: number;
}

export interface Citation {
  id: string;
  title: string;
}
