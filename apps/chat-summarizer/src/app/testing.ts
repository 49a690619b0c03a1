// Builders and hand-written fakes for chat-summarizer's unit specs; not part of the build.
import type { ChatMessage, MessagesPage } from '@keel/clients-chat';
import type { GeneratedSummary } from './summaries/summary-generator.service';

export function chatMessage(id: string, content: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    conversationId: 'c1',
    userId: 'u1',
    content,
    messageType: 'user',
    metadata: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** chat-svc as ChatClient shows it: each conversation's messages, newest first. */
export class FakeChatClient {
  readonly conversations = new Map<string, ChatMessage[]>();
  readonly calls: { conversationId: string; limit: number }[] = [];
  /** Thrown by the next calls instead of answering (chat-svc down, or refusing the caller). */
  failure: Error | undefined;

  async getRecentMessages(conversationId: string, limit: number): Promise<MessagesPage> {
    this.calls.push({ conversationId, limit });
    if (this.failure) throw this.failure;
    const all = this.conversations.get(conversationId) ?? [];
    const messages = all.slice(0, limit);
    return { messages, totalCount: all.length, hasMore: all.length > limit, nextCursor: null };
  }
}

/** A SummaryGenerator that answers what it is told, recording what it was asked to summarise. */
export class FakeSummaryGenerator {
  readonly calls: { conversationId: string; messageIds: string[] }[] = [];
  answer: GeneratedSummary = {
    summary: 'The release moved.',
    keyPoints: ['The release slips to Friday.'],
    method: 'llm',
    model: 'test-model',
    degraded: false,
  };
  /** When set, generations wait for `release()` (to hold requests in flight together). */
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  failure: Error | undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  async generate(conversationId: string, messagesOldestFirst: readonly ChatMessage[]): Promise<GeneratedSummary> {
    this.calls.push({ conversationId, messageIds: messagesOldestFirst.map((m) => m.id) });
    await this.gate;
    if (this.failure) throw this.failure;
    return { ...this.answer, keyPoints: [...this.answer.keyPoints] };
  }
}
