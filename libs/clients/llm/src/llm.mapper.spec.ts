import { DownstreamContractError } from '@keel/clients-core';
import { parseCompletion, toWireRequest } from './llm.mapper';

describe(parseCompletion.name, () => {
  const valid = {
    model: 'm1',
    choices: [{ index: 0, message: { role: 'assistant', content: 'A summary.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
  };
  const violationsOf = (body: unknown) => {
    try {
      parseCompletion(body, 'm0');
    } catch (error) {
      expect(error).toBeInstanceOf(DownstreamContractError);
      return (error as DownstreamContractError).violations;
    }
    throw new Error('expected a contract error');
  };

  it('maps the first choice and the usage to camelCase', () => {
    // Act
    const completion = parseCompletion(valid, 'm0');

    // Assert
    expect(completion).toEqual({
      content: 'A summary.',
      finishReason: 'stop',
      model: 'm1',
      usage: { promptTokens: 12, completionTokens: 3, totalTokens: 15 },
    });
  });

  it('falls back to the requested model when the server names none', () => {
    // Act
    const completion = parseCompletion(
      { ...valid, model: undefined, choices: [{ message: { content: 'x' }, finish_reason: null }] },
      'm0',
    );

    // Assert
    expect(completion).toMatchObject({ model: 'm0', finishReason: null });
  });

  it.each([
    ['no choices', { ...valid, choices: [] }, 'body.choices: expected at least one choice'],
    [
      'a message without content',
      { ...valid, choices: [{ message: {}, finish_reason: 'stop' }] },
      'body.choices[0].message.content: expected string, got undefined',
    ],
    [
      'a choice without a message',
      { ...valid, choices: [{ finish_reason: 'stop' }] },
      'body.choices[0].message: expected object, got undefined',
    ],
    [
      'usage with a string count',
      { ...valid, usage: { ...valid.usage, total_tokens: '15' } },
      'body.usage.total_tokens: expected number, got string',
    ],
    ['no usage', { choices: valid.choices }, 'body.usage: expected object, got undefined'],
  ])('refuses %s', (_label, body, violation) => {
    // Act
    const violations = violationsOf(body);

    // Assert
    expect(violations).toContain(violation);
  });
});

describe(toWireRequest.name, () => {
  it('puts the system prompt first and uses the snake_case field names', () => {
    // Act
    const wire = toWireRequest('m1', {
      system: 'Summarise.',
      messages: [{ role: 'user', content: 'hi' }],
      maxTokens: 64,
    });

    // Assert
    expect(wire).toEqual({
      model: 'm1',
      messages: [
        { role: 'system', content: 'Summarise.' },
        { role: 'user', content: 'hi' },
      ],
      max_tokens: 64,
      temperature: 0,
    });
  });

  it('omits an empty system prompt', () => {
    // Act
    const wire = toWireRequest('m1', {
      messages: [{ role: 'assistant', content: 'ok' }],
      maxTokens: 1,
      temperature: 0.7,
    });

    // Assert
    expect(wire.messages).toEqual([{ role: 'assistant', content: 'ok' }]);
    expect(wire.temperature).toBe(0.7);
  });
});
