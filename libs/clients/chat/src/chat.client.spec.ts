import { ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import { ChatClient, toCallerError } from './chat.client';

const WIRE_MESSAGE = {
  id: '00000000-0000-4000-8000-000000000001',
  conversation_id: 'c1',
  user_id: 'u1',
  content: 'hello',
  message_type: 'user',
  metadata: { pinned: true },
  created_at: '2024-06-01T09:00:00.000Z',
  updated_at: '2024-06-01T09:01:00.000Z',
};
const page = (messages: unknown[], more: Record<string, unknown> = {}) => ({
  messages,
  total_count: messages.length,
  has_more: false,
  next_cursor: null,
  ...more,
});

describe(ChatClient.name, () => {
  const setup = (options = {}) => {
    const http = fakeHttpClient('chat').answer(200, page([]));
    return { http, client: new ChatClient(http.client, options) };
  };

  it('asks for the conversation with limit and cursor, and no authorization of its own by default', async () => {
    // Arrange
    const { http, client } = setup();

    // Act
    await client.getRecentMessages('c/1', 20, 'next');

    // Assert
    expect(http.calls[0]).toMatchObject({
      operation: 'getRecentMessages',
      path: '/api/v1/chat/conversations/c%2F1/messages',
      query: { limit: 20, cursor: 'next' },
      headers: undefined,
    });
  });

  it('sends the token updateToken returns instead of the caller’s', async () => {
    // Arrange
    const { http, client } = setup({ updateToken: async () => 'service-token' });

    // Act
    await client.getRecentMessages('c1', 1);

    // Assert
    expect(http.calls[0].headers).toEqual({ authorization: 'Bearer service-token' });
  });

  it.each([0, 201, 1.5, Number.NaN])('refuses limit %p before calling', async (limit) => {
    // Arrange
    const { http, client } = setup();

    // Act
    const error = await client.getRecentMessages('c1', limit).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(RangeError);
    expect(http.calls).toHaveLength(0);
  });

  it('answers 200 with the page in camelCase', async () => {
    // Arrange
    const { http, client } = setup();
    http.answer(200, page([WIRE_MESSAGE], { total_count: 40, has_more: true, next_cursor: 'abc' }));

    // Act
    const result = await client.getRecentMessages('c1', 1);

    // Assert
    expect(result).toEqual({
      messages: [
        {
          id: WIRE_MESSAGE.id,
          conversationId: 'c1',
          userId: 'u1',
          content: 'hello',
          messageType: 'user',
          metadata: { pinned: true },
          createdAt: '2024-06-01T09:00:00.000Z',
          updatedAt: '2024-06-01T09:01:00.000Z',
        },
      ],
      totalCount: 40,
      hasMore: true,
      nextCursor: 'abc',
    });
  });

  it.each([
    ['a camelCase body', { messages: [], totalCount: 0 }, 'body.total_count: expected number, got undefined'],
    [
      'a wrong field type in a message',
      page([{ ...WIRE_MESSAGE, user_id: 7 }]),
      'body.messages[0].user_id: expected string, got number',
    ],
    [
      'an unknown message type',
      page([{ ...WIRE_MESSAGE, message_type: 'bot' }]),
      expect.stringMatching(/^body\.messages\[0\]\.message_type: Invalid option/),
    ],
    [
      'a null metadata',
      page([{ ...WIRE_MESSAGE, metadata: null }]),
      'body.messages[0].metadata: expected record, got null',
    ],
    [
      'has_more without a cursor',
      page([], { has_more: true }),
      'body.next_cursor: expected a cursor when has_more is true',
    ],
    ['not an object', [], 'body: expected object, got array'],
  ])('throws DownstreamContractError for %s', async (_label, body, violation) => {
    // Arrange
    const { http, client } = setup();
    http.answer(200, body);

    // Act
    const error = await client.getRecentMessages('c1', 1).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toContainEqual(violation);
  });

  it('chat-svc 404 → NotFoundException, 4xx → DownstreamRejectedError, 5xx → DownstreamUnavailableError', async () => {
    // Arrange
    const { http, client } = setup();

    // Act
    http.answer(404, { detail: 'no such conversation' });
    const missing = await client.getRecentMessages('c1', 1).catch((e: unknown) => e);
    http.answer(400);
    const rejected = await client.getRecentMessages('c1', 1).catch((e: unknown) => e);
    http.answer(503);
    const down = await client.getRecentMessages('c1', 1).catch((e: unknown) => e);

    // Assert
    expect(missing).toBeInstanceOf(NotFoundException);
    expect(rejected).toBeInstanceOf(DownstreamRejectedError);
    expect(down).toBeInstanceOf(DownstreamUnavailableError);
  });
});

describe(toCallerError.name, () => {
  it.each([
    [401, UnauthorizedException],
    [403, ForbiddenException],
    [404, NotFoundException],
  ])('maps chat-svc’s %i to the same status', (status, type) => {
    // Act
    const mapped = toCallerError(new DownstreamRejectedError('chat', status, { detail: 'from chat' }));

    // Assert
    expect(mapped).toBeInstanceOf(type);
    expect((mapped as UnauthorizedException).getStatus()).toBe(status);
    expect((mapped as UnauthorizedException).message).toBe('from chat');
  });

  it('leaves other errors to the platform filter', () => {
    // Arrange
    const rejected = new DownstreamRejectedError('chat', 400, undefined);
    const unavailable = new DownstreamUnavailableError('chat', 'down');

    // Act + Assert
    expect(toCallerError(rejected)).toBe(rejected);
    expect(toCallerError(unavailable)).toBe(unavailable);
  });
});
