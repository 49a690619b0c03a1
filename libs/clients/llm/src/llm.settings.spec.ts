import { resolveLlmSettings } from './llm.settings';

describe(resolveLlmSettings.name, () => {
  it('defaults to the sandbox model, no key, and not configured', () => {
    // Act
    const settings = resolveLlmSettings({});

    // Assert
    expect(settings).toEqual({ model: 'sandbox-summarizer', apiKey: undefined, isConfigured: false });
  });

  it.each([['LLM_SERVICE_URL'], ['LLM_SERVICE_URLS'], ['LLM_SERVICE_HOST']])('is configured when %s is set', (key) => {
    // Act
    const settings = resolveLlmSettings({ [key]: 'http://llm.internal:8000', LLM_MODEL: ' qwen2.5 ', LLM_API_KEY: 'sk-1' });

    // Assert
    expect(settings).toEqual({ model: 'qwen2.5', apiKey: 'sk-1', isConfigured: true });
  });

  it('treats blank values as unset', () => {
    // Act
    const settings = resolveLlmSettings({ LLM_SERVICE_URL: '  ', LLM_API_KEY: '' });

    // Assert
    expect(settings).toMatchObject({ apiKey: undefined, isConfigured: false });
  });
});
