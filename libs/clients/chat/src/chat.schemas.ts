import { z } from 'zod';

/** chat-svc's contract (shared/contracts/internal-services.md, "Chat service"): snake_case on the wire. */
const WireMessageSchema = z.object({
  id: z.string(),
  conversation_id: z.string(),
  user_id: z.string(),
  content: z.string(),
  message_type: z.enum(['user', 'assistant', 'system']),
  metadata: z.record(z.string(), z.unknown()),
  /** ISO timestamps, as chat-svc sends them. */
  created_at: z.string(),
  updated_at: z.string(),
});

/** One page, newest message first, read as camelCase. */
export const MessagesPageSchema = z
  .object({
    messages: z.array(WireMessageSchema),
    total_count: z.number(),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .refine((page) => !page.has_more || page.next_cursor !== null, {
    path: ['next_cursor'],
    message: 'expected a cursor when has_more is true',
  })
  .transform((page) => ({
    messages: page.messages.map((wire) => ({
      id: wire.id,
      conversationId: wire.conversation_id,
      userId: wire.user_id,
      content: wire.content,
      messageType: wire.message_type,
      metadata: wire.metadata,
      createdAt: wire.created_at,
      updatedAt: wire.updated_at,
    })),
    totalCount: page.total_count,
    hasMore: page.has_more,
    /** Pass back as `cursor` for the next (older) page; null on the last one. */
    nextCursor: page.next_cursor,
  }));

export type MessagesPage = z.output<typeof MessagesPageSchema>;
export type ChatMessage = MessagesPage['messages'][number];
export type ChatMessageType = ChatMessage['messageType'];
