import type { ChatClient } from '@keel/clients-chat';
import { DownstreamRejectedError } from '@keel/clients-core';
import { FakeChatClient, FakeSummaryGenerator, chatMessage } from '../testing';
import { SummariesService } from './summaries.service';
import { summaryEtag } from './summary-etag';
import type { SummaryGenerator } from './summary-generator.service';

const NOW = new Date('2026-03-01T12:00:00.000Z');

function setup(cacheSize = 10) {
  const chat = new FakeChatClient();
  const generator = new FakeSummaryGenerator();
  chat.conversations.set('c1', [
    chatMessage('m3', 'Third.'),
    chatMessage('m2', 'Second.'),
    chatMessage('m1', 'First.'),
  ]);
  chat.conversations.set('c2', [chatMessage('n1', 'Other.', { conversationId: 'c2' })]);
  const service = new SummariesService(chat as unknown as ChatClient, generator as unknown as SummaryGenerator, {
    llmDeadlineMs: 1_000,
    cacheSize,
  });
  return { service, chat, generator };
}

describe(SummariesService.name, () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('summarises the newest messages oldest first and answers with the body and its ETag', async () => {
    // Arrange
    const { service, chat, generator } = setup();

    // Act
    const result = await service.summarise('c1', 2);

    // Assert
    expect(chat.calls).toEqual([{ conversationId: 'c1', limit: 2 }]);
    expect(generator.calls).toEqual([{ conversationId: 'c1', messageIds: ['m2', 'm3'] }]);
    expect(result).toEqual({
      body: {
        conversationId: 'c1',
        summary: 'The release moved.',
        keyPoints: ['The release slips to Friday.'],
        messageCount: 2,
        method: 'llm',
        model: 'test-model',
        degraded: false,
        generatedAt: NOW.toISOString(),
      },
      etag: summaryEtag('c1', 2, 'm3', 'llm'),
    });
  });

  it('serves a cached LLM summary while the newest message is the same, fetching as the caller each time', async () => {
    // Arrange
    const { service, chat, generator } = setup();
    const first = await service.summarise('c1', 50);
    jest.setSystemTime(new Date(NOW.getTime() + 60_000));

    // Act
    const second = await service.summarise('c1', 50);

    // Assert
    expect(second).toEqual(first);
    expect(second.body.generatedAt).toBe(NOW.toISOString());
    expect(generator.calls).toHaveLength(1);
    expect(chat.calls).toHaveLength(2);
  });

  it('summarises again once a new message arrives, with another ETag', async () => {
    // Arrange
    const { service, chat, generator } = setup();
    const before = await service.summarise('c1', 50);
    chat.conversations.get('c1')!.unshift(chatMessage('m4', 'Fourth.'));

    // Act
    const after = await service.summarise('c1', 50);

    // Assert
    expect(generator.calls.map((call) => call.messageIds)).toEqual([
      ['m1', 'm2', 'm3'],
      ['m1', 'm2', 'm3', 'm4'],
    ]);
    expect(after.body.messageCount).toBe(4);
    expect(after.etag).not.toBe(before.etag);
  });

  it('does not cache an extractive fallback, so the next request asks the LLM again', async () => {
    // Arrange
    const { service, generator } = setup();
    generator.answer = { summary: 'First.', keyPoints: ['First.'], method: 'extractive', degraded: true };
    const degraded = await service.summarise('c1', 50);
    generator.answer = { summary: 'Recovered.', keyPoints: [], method: 'llm', model: 'm', degraded: false };

    // Act
    const recovered = await service.summarise('c1', 50);

    // Assert
    expect(degraded.body).toMatchObject({ method: 'extractive', degraded: true });
    expect(degraded.body).not.toHaveProperty('model');
    expect(degraded.etag).toBe(summaryEtag('c1', 50, 'm3', 'extractive'));
    expect(recovered.body).toMatchObject({ summary: 'Recovered.', method: 'llm', degraded: false });
    expect(generator.calls).toHaveLength(2);
  });

  it('lets identical requests that arrive together share one generation', async () => {
    // Arrange
    const { service, generator } = setup();
    generator.hold();

    // Act
    const both = Promise.all([service.summarise('c1', 50), service.summarise('c1', 50)]);
    await jest.advanceTimersByTimeAsync(0);
    generator.release();
    const [a, b] = await both;

    // Assert
    expect(generator.calls).toHaveLength(1);
    expect(b).toBe(a);
  });

  it('passes chat-svc’s refusal through without generating anything', async () => {
    // Arrange
    const { service, chat, generator } = setup();
    chat.failure = new DownstreamRejectedError('chat', 403, undefined);

    // Act
    const attempt = service.summarise('c1', 50);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(DownstreamRejectedError);
    await expect(attempt).rejects.toMatchObject({ status: 403 });
    expect(generator.calls).toEqual([]);
  });

  it('forgets a failed generation, so the next request tries again', async () => {
    // Arrange
    const { service, generator } = setup();
    generator.failure = new Error('generator broke');
    await expect(service.summarise('c1', 50)).rejects.toThrow('generator broke');
    generator.failure = undefined;

    // Act
    const result = await service.summarise('c1', 50);

    // Assert
    expect(result.body.method).toBe('llm');
    expect(generator.calls).toHaveLength(2);
  });

  it('keeps at most SUMMARY_CACHE_SIZE summaries, dropping the least recently used', async () => {
    // Arrange
    const { service, generator } = setup(1);
    await service.summarise('c1', 50);
    await service.summarise('c2', 50);

    // Act
    await service.summarise('c1', 50);

    // Assert
    expect(generator.calls.map((call) => call.conversationId)).toEqual(['c1', 'c2', 'c1']);
  });

  it('summarises an empty conversation as one with no newest message', async () => {
    // Arrange
    const { service, chat } = setup();
    chat.conversations.set('empty', []);

    // Act
    const result = await service.summarise('empty', 50);

    // Assert
    expect(result.body.messageCount).toBe(0);
    expect(result.etag).toBe(summaryEtag('empty', 50, '', 'llm'));
  });
});
