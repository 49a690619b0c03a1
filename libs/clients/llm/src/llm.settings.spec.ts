import { resolveLlmSettings } from './llm.settings';

describe(resolveLlmSettings.name, () => {
  it('defaults to the sandbox model and no key', () => {
    // Act
    const settings = resolveLlmSettings({});

    // Assert
    expect(settings).toEqual({ model: 'sandbox-summarizer', apiKey: undefined });
  });

  it('reads LLM_MODEL and LLM_API_KEY, trimmed', () => {
    // Act
    const settings = resolveLlmSettings({ LLM_MODEL: ' qwen2.5 ', LLM_API_KEY: 'sk-1' });

    // Assert
    expect(settings).toEqual({ model: 'qwen2.5', apiKey: 'sk-1' });
  });

  it('treats blank values as unset', () => {
    // Act
    const settings = resolveLlmSettings({ LLM_MODEL: ' ', LLM_API_KEY: '' });

    // Assert
    expect(settings).toEqual({ model: 'sandbox-summarizer', apiKey: undefined });
  });
});
