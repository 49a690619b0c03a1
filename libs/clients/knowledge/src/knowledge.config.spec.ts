import { InvalidServiceConfigError, resolveServiceConfig } from '@keel/clients-core';
import { KNOWLEDGE } from './knowledge.constants';

describe(`${KNOWLEDGE} service config`, () => {
  it('has no default address: unset, KNOWLEDGE_SERVICE_URL is named in the start-up error', () => {
    // Act
    const resolve = () => resolveServiceConfig(KNOWLEDGE, {});

    // Assert
    expect(resolve).toThrow(InvalidServiceConfigError);
    expect(resolve).toThrow(/^KNOWLEDGE_SERVICE_URL=/);
  });

  it('builds the base URL from KNOWLEDGE_SERVICE_HOST, _PORT and _PROTOCOL', () => {
    // Act
    const config = resolveServiceConfig(KNOWLEDGE, {
      KNOWLEDGE_SERVICE_HOST: 'kb.internal',
      KNOWLEDGE_SERVICE_PORT: '9000',
      KNOWLEDGE_SERVICE_PROTOCOL: 'https',
    });

    // Assert
    expect(config.urls).toEqual(['https://kb.internal:9000']);
  });

  it('prefers KNOWLEDGE_SERVICE_URL over the parts', () => {
    // Act
    const config = resolveServiceConfig(KNOWLEDGE, {
      KNOWLEDGE_SERVICE_URL: 'https://kb.example.com',
      KNOWLEDGE_SERVICE_PORT: '1',
    });

    // Assert
    expect(config.urls).toEqual(['https://kb.example.com']);
  });

  it('names the variable when a part is malformed', () => {
    // Act / Assert
    expect(() => resolveServiceConfig(KNOWLEDGE, { KNOWLEDGE_SERVICE_PROTOCOL: 'gopher' })).toThrow(
      InvalidServiceConfigError,
    );
    expect(() => resolveServiceConfig(KNOWLEDGE, { KNOWLEDGE_SERVICE_PORT: 'http' })).toThrow(/KNOWLEDGE_SERVICE_PORT/);
  });
});
