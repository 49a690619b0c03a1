import { Logger } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { PolicyRegistry, ResilienceModule } from '@keel/resilience';
import { httpFailureClassifier } from './http/downstream-failures';
import { ResilientHttpClient } from './http/resilient-http-client';
import { getHttpClientToken, provideHttpClient } from './http-client.providers';
import { InvalidServiceConfigError } from './registry/service-config.error';

describe(provideHttpClient.name, () => {
  const saved = { ...process.env };

  beforeAll(() => Logger.overrideLogger(false));

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('CHAT_SERVICE_')) delete process.env[key];
    Object.assign(process.env, saved);
  });

  const compile = (options: Parameters<typeof provideHttpClient>[1] = {}) =>
    Test.createTestingModule({
      imports: [ResilienceModule.forRoot({}), HttpModule.register({})],
      providers: [provideHttpClient('chat', options)],
    }).compile();

  it('names its token KEEL:HTTP_CLIENT:<name>', () => {
    expect(getHttpClientToken('chat')).toBe('KEEL:HTTP_CLIENT:chat');
    expect(provideHttpClient('chat').provide).toBe('KEEL:HTTP_CLIENT:chat');
  });

  it('builds the downstream’s client from its env, with the HTTP classifier on its named policy', async () => {
    // Arrange
    process.env.CHAT_SERVICE_URL = 'http://chat.internal:8080/';
    process.env.CHAT_SERVICE_MAX_RETRIES = '1';

    // Act
    const moduleRef = await compile({ forwardAuth: true });
    const client = moduleRef.get<ResilientHttpClient>(getHttpClientToken('chat'));
    const pipeline = moduleRef.get(PolicyRegistry).require('chat');

    // Assert
    expect(client).toBeInstanceOf(ResilientHttpClient);
    expect(client.name).toBe('chat');
    expect(client.config.urls).toEqual(['http://chat.internal:8080']);
    expect(pipeline.options.classifier).toBe(httpFailureClassifier);
    expect(pipeline.options.retry).toMatchObject({ maxRetries: 1 });
    await moduleRef.close();
  });

  it('stops start-up on a malformed variable, naming it', async () => {
    // Arrange
    process.env.CHAT_SERVICE_URL = 'http://chat.internal:8080';
    process.env.CHAT_SERVICE_TIMEOUT = 'forever';

    // Act
    const error = await compile().catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as InvalidServiceConfigError).variable).toBe('CHAT_SERVICE_TIMEOUT');
  });

  it('stops start-up without an address, naming CHAT_SERVICE_URL', async () => {
    // Act
    const error = await compile().catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as InvalidServiceConfigError).variable).toBe('CHAT_SERVICE_URL');
  });

  it('closes the client’s pools when the application shuts down', async () => {
    // Arrange
    process.env.CHAT_SERVICE_URL = 'http://chat.internal:8080';
    const moduleRef = await compile();
    const client = moduleRef.get<ResilientHttpClient>(getHttpClientToken('chat'));
    const close = jest.spyOn(client, 'close');

    // Act
    await moduleRef.close();

    // Assert
    expect(close).toHaveBeenCalledTimes(1);
  });
});
