import {
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { DownstreamRejectedError, InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import { CHAT, CHAT_CLIENT_OPTIONS, CHAT_MAX_LIMIT, CHAT_MIN_LIMIT } from './chat.constants';
import { MessagesPageSchema } from './chat.schemas';
import type { MessagesPage } from './chat.schemas';
import type { ChatClientOptions, CircuitState, CircuitStateListener } from './chat.types';

/**
 * Typed client of chat-svc. It forwards the caller's bearer token (chat-svc checks that the caller
 * takes part in the conversation), unless `updateToken` supplies a service-held one.
 */
@Injectable()
export class ChatClient {
  constructor(
    @InjectHttpClient(CHAT) private readonly http: ResilientHttpClient,
    @Optional() @Inject(CHAT_CLIENT_OPTIONS) private readonly options: ChatClientOptions = {},
  ) {}

  get circuitState(): CircuitState {
    return this.http.circuitState;
  }

  /** Calls `listener` when the breaker's state changes; returns the unsubscribe function. */
  onStateChange(listener: CircuitStateListener): () => void {
    return this.http.onCircuitStateChange(listener);
  }

  /**
   * The newest `limit` messages of a conversation (1–200), or the page after `cursor`. chat-svc's
   * 401, 403 and 404 become the same statuses for our caller; other failures are DownstreamErrors.
   */
  async getRecentMessages(conversationId: string, limit: number, cursor?: string): Promise<MessagesPage> {
    if (!Number.isInteger(limit) || limit < CHAT_MIN_LIMIT || limit > CHAT_MAX_LIMIT) {
      throw new RangeError(`limit must be an integer from ${CHAT_MIN_LIMIT} to ${CHAT_MAX_LIMIT}, got ${limit}`);
    }
    const headers = await this.authorization();
    try {
      const { body } = await this.http.call({
        operation: 'getRecentMessages',
        path: encodePath`/api/v1/chat/conversations/${conversationId}/messages`,
        query: { limit, cursor: cursor || undefined },
        headers,
        answers: { 200: MessagesPageSchema },
      });
      return body;
    } catch (error) {
      throw toCallerError(error);
    }
  }

  private async authorization(): Promise<Record<string, string> | undefined> {
    const token = await this.options.updateToken?.();
    return token ? { authorization: `Bearer ${token}` } : undefined;
  }
}

/** The statuses chat-svc shares with our caller; the downstream's detail goes along, never the token. */
export function toCallerError(error: unknown): unknown {
  if (!(error instanceof DownstreamRejectedError)) return error;
  const detail = error.problem?.detail;
  switch (error.status) {
    case 401:
      return new UnauthorizedException(detail ?? 'chat-svc did not accept the token', { cause: error });
    case 403:
      return new ForbiddenException(detail ?? 'not a participant of this conversation', { cause: error });
    case 404:
      return new NotFoundException(detail ?? 'conversation not found', { cause: error });
    default:
      return error;
  }
}
