export type KnowledgeKind = 'article' | 'paper' | 'dataset';

export interface KnowledgeResourceSeed {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly kind: KnowledgeKind;
  readonly tags: readonly string[];
  /** Ids of the resources this one cites, in citation order. */
  readonly cites: readonly string[];
}

export interface KnowledgeSeed {
  readonly resources: readonly KnowledgeResourceSeed[];
  /** Curated recommendations per project id, best first; other projects get a deterministic mix. */
  readonly projects: Readonly<Record<string, readonly string[]>>;
}

/** k1–k6: articles, papers and datasets about resilience and latency, with citations between them. */
export const KNOWLEDGE_SEED: KnowledgeSeed = deepFreeze({
  resources: [
    {
      id: 'k1',
      title: 'Circuit breakers in distributed systems',
      url: 'https://kb.example.com/resources/k1',
      kind: 'article',
      tags: ['resilience', 'patterns'],
      cites: ['k2', 'k3'],
    },
    {
      id: 'k2',
      title: 'Exponential backoff and jitter for retries',
      url: 'https://kb.example.com/resources/k2',
      kind: 'paper',
      tags: ['resilience', 'retries'],
      cites: ['k5'],
    },
    {
      id: 'k3',
      title: 'The tail at scale: latency in large services',
      url: 'https://kb.example.com/resources/k3',
      kind: 'paper',
      tags: ['latency', 'performance'],
      cites: ['k2', 'k4'],
    },
    {
      id: 'k4',
      title: 'Service latency traces 2024',
      url: 'https://kb.example.com/resources/k4',
      kind: 'dataset',
      tags: ['latency', 'tracing'],
      cites: [],
    },
    {
      id: 'k5',
      title: 'Idempotency keys for safe retries',
      url: 'https://kb.example.com/resources/k5',
      kind: 'article',
      tags: ['retries', 'api'],
      cites: [],
    },
    {
      id: 'k6',
      title: 'Open game metadata catalog',
      url: 'https://kb.example.com/resources/k6',
      kind: 'dataset',
      tags: ['games', 'metadata'],
      cites: [],
    },
  ],
  projects: {
    p1: ['k1', 'k2', 'k5'],
    p2: ['k3', 'k4'],
  },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
