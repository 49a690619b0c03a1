export type ChatMessageType = 'user' | 'assistant' | 'system';

/** One message as chat-svc sends it: snake_case is its wire format. */
export interface ChatMessageSeed {
  readonly id: string;
  readonly conversation_id: string;
  readonly user_id: string;
  readonly content: string;
  readonly message_type: ChatMessageType;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface ChatConversationSeed {
  readonly participants: readonly string[];
  /** Oldest first; the emulator answers newest first. */
  readonly messages: readonly ChatMessageSeed[];
}

export type ChatSeed = Readonly<Record<string, ChatConversationSeed>>;

const TOPICS = [
  'the release plan',
  'flaky tests',
  'the retry budget',
  'dashboards',
  'on-call',
  'the database migration',
  'load testing',
  'the API contract',
];
const START = Date.UTC(2024, 5, 1, 9, 0, 0);

/** A deterministic UUID-shaped id, so seeded ids look like chat-svc's without randomness. */
function seedUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function conversation(id: string, participants: string[], count: number, firstId: number): ChatConversationSeed {
  const messages = Array.from({ length: count }, (_, i): ChatMessageSeed => {
    const at = new Date(START + i * 60_000).toISOString();
    const author = participants[i % participants.length];
    return {
      id: seedUuid(firstId + i),
      conversation_id: id,
      user_id: author,
      content: `Message ${i + 1} from ${author} about ${TOPICS[i % TOPICS.length]}.`,
      message_type: i === 0 ? 'system' : 'user',
      metadata: i === 0 ? { pinned: true } : {},
      created_at: at,
      updated_at: at,
    };
  });
  return { participants, messages };
}

/** The contract's seed: `c1` has u1 and u2 and 40 messages; `c2` has u2 only. */
export const CHAT_SEED: ChatSeed = deepFreeze({
  c1: conversation('c1', ['u1', 'u2'], 40, 1),
  c2: conversation('c2', ['u2'], 3, 101),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
