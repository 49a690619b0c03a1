/** chat-svc's contract (shared/contracts/internal-services.md, "Chat service"), in camelCase. */
export type ChatMessageType = 'user' | 'assistant' | 'system';

export interface ChatMessage {
  id: string;
  conversationId: string;
  userId: string;
  content: string;
  messageType: ChatMessageType;
  metadata: Record<string, unknown>;
  /** ISO timestamps, as chat-svc sends them. */
  createdAt: string;
  updatedAt: string;
}

/** One page, newest message first. */
export interface MessagesPage {
  messages: ChatMessage[];
  totalCount: number;
  hasMore: boolean;
  /** Pass back as `cursor` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

/**
 * Returns a service-held token to send instead of the caller's, or `undefined` to forward the
 * caller's own. Called before every call, so it may refresh a token that is about to expire.
 */
export type ChatTokenProvider = () => string | undefined | Promise<string | undefined>;

export interface ChatClientOptions {
  updateToken?: ChatTokenProvider;
}

export type CircuitState = 'closed' | 'open' | 'half-open' | 'isolated';
export type CircuitStateListener = (state: CircuitState, previous: CircuitState) => void;
