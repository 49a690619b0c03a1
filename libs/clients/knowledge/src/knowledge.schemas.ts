import { z } from 'zod';
import { KNOWLEDGE_KINDS } from './knowledge.constants';

/** The knowledge service's contract (shared/contracts/internal-services.md, "Knowledge service"). */
export const KnowledgeResourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  kind: z.enum(KNOWLEDGE_KINDS),
  tags: z.array(z.string()),
});
export type KnowledgeResource = z.infer<typeof KnowledgeResourceSchema>;
export type KnowledgeKind = KnowledgeResource['kind'];

/** One hit of `search` or `recommendations`, best first. */
export const ScoredResourceSchema = z.object({ id: z.string(), title: z.string(), score: z.number() });
export type ScoredResource = z.infer<typeof ScoredResourceSchema>;

export const CitationSchema = z.object({ id: z.string(), title: z.string() });
export type Citation = z.infer<typeof CitationSchema>;

export const ScoredResultsSchema = z.object({ results: z.array(ScoredResourceSchema) });
export const CitationsSchema = z.object({ citations: z.array(CitationSchema) });
