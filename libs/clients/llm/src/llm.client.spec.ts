import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import { LlmClient } from './llm.client';

const VALID = {
  model: 'm1',
  choices: [{ index: 0, message: { role: 'assistant', content: 'A summary.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
};
const REQUEST = { messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 64 };

describe(LlmClient.name, () => {
  const setup = (apiKey?: string) => {
    const http = fakeHttpClient('llm');
    return { http, client: new LlmClient(http.client, { model: 'm0', apiKey }) };
  };

  it('answers 200 with the first choice and the usage in camelCase, posting the wire request', async () => {
    // Arrange
    const { http, client } = setup('sk-1');
    http.answer(200, VALID);

    // Act
    const completion = await client.complete(REQUEST);

    // Assert
    expect(completion).toEqual({
      content: 'A summary.',
      finishReason: 'stop',
      model: 'm1',
      usage: { promptTokens: 12, completionTokens: 3, totalTokens: 15 },
    });
    expect(http.calls[0]).toMatchObject({
      operation: 'complete',
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'm0', max_tokens: 64 },
      headers: { authorization: 'Bearer sk-1' },
    });
  });

  it('falls back to the requested model when the server names none', async () => {
    // Arrange
    const { http, client } = setup();
    http.answer(200, { ...VALID, model: undefined, choices: [{ message: { content: 'x' }, finish_reason: null }] });

    // Act
    const completion = await client.complete(REQUEST);

    // Assert
    expect(completion).toMatchObject({ model: 'm0', finishReason: null });
    expect(http.calls[0].headers).not.toHaveProperty('authorization');
  });

  it.each([
    ['no choices', { ...VALID, choices: [] }, 'body.choices: expected at least one choice'],
    [
      'a message without content',
      { ...VALID, choices: [{ message: {}, finish_reason: 'stop' }] },
      'body.choices[0].message.content: expected string, got undefined',
    ],
    [
      'a choice without a message',
      { ...VALID, choices: [{ finish_reason: 'stop' }] },
      'body.choices[0].message: expected object, got undefined',
    ],
    [
      'usage with a string count',
      { ...VALID, usage: { ...VALID.usage, total_tokens: '15' } },
      'body.usage.total_tokens: expected number, got string',
    ],
    ['no usage', { choices: VALID.choices }, 'body.usage: expected object, got undefined'],
  ])('throws DownstreamContractError for %s', async (_label, body, violation) => {
    // Arrange
    const { http, client } = setup();
    http.answer(200, body);

    // Act
    const error = await client.complete(REQUEST).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toContain(violation);
  });

  it('throws DownstreamRejectedError for a 4xx and DownstreamUnavailableError for a 5xx', async () => {
    // Arrange
    const { http, client } = setup();

    // Act
    http.answer(400, { error: { message: 'bad' } });
    const rejected = await client.complete(REQUEST).catch((e: unknown) => e);
    http.answer(500);
    const down = await client.complete(REQUEST).catch((e: unknown) => e);

    // Assert
    expect(rejected).toBeInstanceOf(DownstreamRejectedError);
    expect(rejected).toMatchObject({ status: 400 });
    expect(down).toBeInstanceOf(DownstreamUnavailableError);
  });
});
