import { toWireRequest } from './llm.mapper';

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
