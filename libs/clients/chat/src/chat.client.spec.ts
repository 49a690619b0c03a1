import { ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import type { HttpCall, ResilientHttpClient } from '@keel/clients-core';
import { ChatClient, toCallerError } from './chat.client';

describe(ChatClient.name, () => {
  const EMPTY = { messages: [], totalCount: 0, hasMore: false, nextCursor: null };
  const fakeHttp = () => {
    const calls: HttpCall[] = [];
    const http = {
      circuitState: 'closed',
      json: jest.fn(async (call: HttpCall) => (calls.push(call), EMPTY)),
    } as unknown as ResilientHttpClient;
    return { http, calls };
  };

  it('asks for the conversation with limit and cursor, and no authorization of its own by default', async () => {
    // Arrange
    const { http, calls } = fakeHttp();
    const client = new ChatClient(http);

    // Act
    await client.getRecentMessages('c/1', 20, 'next');

    // Assert
    expect(calls[0]).toMatchObject({
      operation: 'getRecentMessages',
      path: '/api/v1/chat/conversations/c%2F1/messages',
      query: { limit: 20, cursor: 'next' },
      headers: undefined,
    });
  });

  it('sends the token updateToken returns instead of the caller’s', async () => {
    // Arrange
    const { http, calls } = fakeHttp();
    const client = new ChatClient(http, { updateToken: async () => 'service-token' });

    // Act
    await client.getRecentMessages('c1', 1);

    // Assert
    expect(calls[0].headers).toEqual({ authorization: 'Bearer service-token' });
  });

  it.each([0, 201, 1.5, Number.NaN])('refuses limit %p before calling', async (limit) => {
    // Arrange
    const { http, calls } = fakeHttp();

    // Act
    const error = await new ChatClient(http).getRecentMessages('c1', limit).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(RangeError);
    expect(calls).toHaveLength(0);
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
