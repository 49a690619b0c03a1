import { DownstreamContractError, checkShape, shapeViolations } from '@keel/clients-core';
import { CHAT } from './chat.constants';
import type { ChatMessage, ChatMessageType, MessagesPage } from './chat.types';

const PAGE_SHAPE = {
  messages: 'array',
  total_count: 'number',
  has_more: 'boolean',
  next_cursor: 'string|null',
} as const;
const MESSAGE_SHAPE = {
  id: 'string',
  conversation_id: 'string',
  user_id: 'string',
  content: 'string',
  message_type: 'string',
  metadata: 'object',
  created_at: 'string',
  updated_at: 'string',
} as const;
const MESSAGE_TYPES: ReadonlySet<string> = new Set<ChatMessageType>(['user', 'assistant', 'system']);

interface WireMessage {
  id: string;
  conversation_id: string;
  user_id: string;
  content: string;
  message_type: string;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

interface WirePage {
  messages: unknown[];
  total_count: number;
  has_more: boolean;
  next_cursor: string | null;
}

/** Checks chat-svc's snake_case page and maps it to camelCase; every violation is named at once. */
export function parseMessagesPage(body: unknown): MessagesPage {
  const page = checkShape<WirePage>(CHAT, body, PAGE_SHAPE);
  const violations = page.messages.flatMap((message, i) => {
    const where = `body.messages[${i}]`;
    const found = shapeViolations(message, MESSAGE_SHAPE, where);
    const type = (message as Partial<WireMessage> | null)?.message_type;
    if (found.length === 0 && !MESSAGE_TYPES.has(type as string))
      found.push(`${where}.message_type: expected user, assistant or system, got ${JSON.stringify(type)}`);
    return found;
  });
  if (page.has_more && page.next_cursor === null)
    violations.push('body.next_cursor: expected a cursor when has_more is true');
  if (violations.length > 0) throw new DownstreamContractError(CHAT, violations);
  return {
    messages: (page.messages as WireMessage[]).map(toMessage),
    totalCount: page.total_count,
    hasMore: page.has_more,
    nextCursor: page.next_cursor,
  };
}

function toMessage(wire: WireMessage): ChatMessage {
  return {
    id: wire.id,
    conversationId: wire.conversation_id,
    userId: wire.user_id,
    content: wire.content,
    messageType: wire.message_type as ChatMessageType,
    metadata: wire.metadata,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}
