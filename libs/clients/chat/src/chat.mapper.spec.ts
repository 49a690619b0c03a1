import { DownstreamContractError } from '@keel/clients-core';
import { parseMessagesPage } from './chat.mapper';

describe(parseMessagesPage.name, () => {
  const wireMessage = {
    id: '00000000-0000-4000-8000-000000000001',
    conversation_id: 'c1',
    user_id: 'u1',
    content: 'hello',
    message_type: 'user',
    metadata: { pinned: true },
    created_at: '2024-06-01T09:00:00.000Z',
    updated_at: '2024-06-01T09:01:00.000Z',
  };
  const violationsOf = (body: unknown): string[] => {
    try {
      parseMessagesPage(body);
    } catch (error) {
      expect(error).toBeInstanceOf(DownstreamContractError);
      return (error as DownstreamContractError).violations;
    }
    throw new Error('expected a contract error');
  };

  it('maps the snake_case wire format to camelCase', () => {
    // Act
    const page = parseMessagesPage({ messages: [wireMessage], total_count: 40, has_more: true, next_cursor: 'abc' });

    // Assert
    expect(page).toEqual({
      messages: [
        {
          id: wireMessage.id,
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

  it('accepts an empty last page', () => {
    // Act
    const page = parseMessagesPage({ messages: [], total_count: 0, has_more: false, next_cursor: null });

    // Assert
    expect(page).toEqual({ messages: [], totalCount: 0, hasMore: false, nextCursor: null });
  });

  it('reports the page’s own violations before looking at the messages', () => {
    // Act
    const violations = violationsOf({
      messages: [
        { ...wireMessage, user_id: 7 },
        { ...wireMessage, message_type: 'bot' },
      ],
      total_count: '2',
      has_more: false,
      next_cursor: null,
    });

    // Assert
    expect(violations).toEqual(['body.total_count: expected number, got string']);
  });

  it.each([
    [
      'a camelCase body',
      { messages: [], totalCount: 0, hasMore: false, nextCursor: null },
      'body.total_count: expected number, got undefined',
    ],
    [
      'a wrong field type in a message',
      { messages: [{ ...wireMessage, user_id: 7 }], total_count: 1, has_more: false, next_cursor: null },
      'body.messages[0].user_id: expected string, got number',
    ],
    [
      'an unknown message type',
      { messages: [{ ...wireMessage, message_type: 'bot' }], total_count: 1, has_more: false, next_cursor: null },
      'body.messages[0].message_type: expected user, assistant or system, got "bot"',
    ],
    [
      'a null metadata',
      { messages: [{ ...wireMessage, metadata: null }], total_count: 1, has_more: false, next_cursor: null },
      'body.messages[0].metadata: expected object, got null',
    ],
    [
      'has_more without a cursor',
      { messages: [], total_count: 1, has_more: true, next_cursor: null },
      'body.next_cursor: expected a cursor when has_more is true',
    ],
    ['not an object', [], 'body: expected an object'],
  ])('refuses %s', (_label, body, violation) => {
    // Act
    const violations = violationsOf(body);

    // Assert
    expect(violations).toContain(violation);
  });
});
