import { createHash } from 'node:crypto';
import { http } from '../testing/http-client';
import { startLlmEmulator } from './llm.emulator';
import type { RunningEmulator } from '../kernel/emulator.types';

describe(startLlmEmulator.name, () => {
  let llm: RunningEmulator;
  const KEY = 'sk-sandbox-123';
  const messages = [
    { role: 'system', content: 'Summarise the conversation.' },
    { role: 'user', content: 'u1: the release ships on Friday after the load test' },
    { role: 'user', content: 'u2: agreed, I will watch the dashboards' },
  ];
  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
    http(`${llm.url}/v1/chat/completions`, { method: 'POST', body, headers });

  beforeAll(async () => {
    llm = await startLlmEmulator({ port: 0, apiKey: KEY });
  });

  afterAll(async () => {
    await llm.close();
  });

  beforeEach(() => {
    llm.setFaults(null);
    llm.resetStats();
  });

  it('answers a deterministic OpenAI-shaped completion with the digest of its input and usage', async () => {
    // Act
    const first = await post({ model: 'm1', messages, max_tokens: 200 });
    const second = await post({ model: 'm1', messages, max_tokens: 200 });

    // Assert
    expect(first.status).toBe(200);
    expect(first.text).toBe(second.text);
    const body = first.json();
    const digest = createHash('sha256').update(JSON.stringify(messages)).digest('hex');
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'm1',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
    });
    expect(body.choices[0].message.content).toBe(
      `Summary of 2 messages: u1: the release; u2: agreed, I. [sha256:${digest}]`,
    );
    expect(body.usage.prompt_tokens).toBe(3 + 10 + 7);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('changes the digest when the input changes', async () => {
    // Act
    const a = (await post({ messages })).json();
    const b = (await post({ messages: [...messages, { role: 'user', content: 'one more' }] })).json();

    // Assert
    expect(a.choices[0].message.content).not.toBe(b.choices[0].message.content);
    expect(a.model).toBe('sandbox-summarizer');
  });

  it('stops at max_tokens with finish_reason length', async () => {
    // Act
    const body = (await post({ messages, max_tokens: 4 })).json();

    // Assert
    expect(body.choices[0].message.content).toBe('Summary of 2 messages:');
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(4);
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer sk-wrong-123' }],
  ])('answers 401 with %s', async (_label, headers) => {
    // Act
    const res = await post({ messages }, headers);

    // Assert
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('application/problem+json');
  });

  it('needs no key when started without one', async () => {
    // Arrange
    const open = await startLlmEmulator();

    // Act
    const res = await http(`${open.url}/v1/chat/completions`, { method: 'POST', body: { messages } });
    await open.close();

    // Assert
    expect(res.status).toBe(200);
  });

  it.each([
    ['an empty body', undefined],
    ['no messages', { model: 'm' }],
    ['an empty messages list', { messages: [] }],
    ['a message without content', { messages: [{ role: 'user' }] }],
    ['a bad max_tokens', { messages, max_tokens: 0 }],
  ])('answers 400 for %s', async (_label, body) => {
    // Act
    const res = await post(body ?? '');

    // Assert
    expect(res.status).toBe(400);
  });

  it('serves /health and honours faults', async () => {
    // Arrange
    llm.setFaults({ mode: 'error', status: 503, path: '/v1/' });

    // Act
    const get = await http(`${llm.url}/health`);
    const faulted = await post({ messages });

    // Assert
    expect(get.status).toBe(200);
    expect(faulted.status).toBe(503);
    expect(llm.stats()).toMatchObject({ requests: 2, lastHeaders: { authorization: true } });
  });
});
