/** The downstream's name: its policy, its metrics label and its `KNOWLEDGE_SERVICE_*` variables. */
export const KNOWLEDGE = 'knowledge';

export const KNOWLEDGE_KINDS = ['article', 'paper', 'dataset'] as const;
