import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { PolicyRegistry, ResilienceModule } from '@keel/resilience';
import { httpFailureClassifier } from '../http/downstream-failures';
import { DownstreamHealth } from '../health/downstream.health';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { InvalidServiceConfigError } from '../registry/service-config.error';
import { DownstreamModule } from './downstream.module';
import {
  InjectDownstreamHealth,
  InjectHttpClient,
  getDownstreamHealthToken,
  getHttpClientToken,
} from './downstream.tokens';

@Injectable()
class Consumer {
  constructor(
    @InjectHttpClient('books') readonly http: ResilientHttpClient,
    @InjectDownstreamHealth('books') readonly health: DownstreamHealth,
  ) {}
}

async function compile(imports: unknown[]) {
  @Module({ imports: imports as never[], providers: [Consumer] })
  class Root {}
  const moduleRef = await Test.createTestingModule({ imports: [ResilienceModule.forRoot({}), Root] }).compile();
  return moduleRef;
}

describe(DownstreamModule.name, () => {
  it('provides the client and its health indicator under the downstream’s tokens, configured in code', async () => {
    // Act
    const moduleRef = await compile([
      DownstreamModule.register({ name: 'books', config: { urls: 'http://books.internal:8080/', timeout: '3s' } }),
    ]);

    // Assert
    const consumer = moduleRef.get(Consumer);
    expect(consumer.http).toBeInstanceOf(ResilientHttpClient);
    expect(consumer.http.config).toMatchObject({
      name: 'books',
      urls: ['http://books.internal:8080'],
      timeoutMs: 3000,
    });
    expect(consumer.health).toBeInstanceOf(DownstreamHealth);
    expect(moduleRef.get(getHttpClientToken('books'), { strict: false })).toBe(consumer.http);
    expect(moduleRef.get(getDownstreamHealthToken('books'), { strict: false })).toBe(consumer.health);
    await moduleRef.close();
  });

  it('gives each registration an axios instance of its own', async () => {
    // Arrange
    @Injectable()
    class Both {
      constructor(
        @InjectHttpClient('books') readonly books: ResilientHttpClient,
        @InjectHttpClient('films') readonly films: ResilientHttpClient,
      ) {}
    }
    const moduleRef = await Test.createTestingModule({
      imports: [
        ResilienceModule.forRoot({}),
        DownstreamModule.register({ name: 'books', config: { urls: 'http://books:1' } }),
        DownstreamModule.register({ name: 'films', config: { urls: 'http://films:1' } }),
      ],
      providers: [Both],
    }).compile();

    // Act
    const both = moduleRef.get(Both);

    // Assert
    expect(both.books.axios).not.toBe(both.films.axios);
    await moduleRef.close();
  });

  it('takes its options from a factory (registerAsync with ConfigService)', async () => {
    // Act
    const moduleRef = await compile([
      DownstreamModule.registerAsync({
        name: 'books',
        imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ BOOKS_URL: 'http://cfg:9000' })] })],
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({ config: { urls: config.getOrThrow<string>('BOOKS_URL') } }),
      }),
    ]);

    // Assert
    expect(moduleRef.get(Consumer).http.config.urls).toEqual(['http://cfg:9000']);
    await moduleRef.close();
  });

  it('fails at start-up naming the bad field of the code config', async () => {
    // Act
    const error = await compile([
      DownstreamModule.register({ name: 'books', config: { urls: 'http://b:1', timeout: 'soon' } }),
    ]).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as Error).message).toMatch(/^books config\.timeout="soon" is invalid/);
  });

  it('configures a sampling breaker in code, which the downstream’s pipeline runs', async () => {
    // Act
    const moduleRef = await compile([
      DownstreamModule.register({
        name: 'books',
        config: { urls: 'http://books:1', circuitBreaker: { kind: 'sampling', failureRatio: 0.2, window: '10s' } },
      }),
    ]);

    // Assert
    const expected = { kind: 'sampling', threshold: 0.2, samplingDurationMs: 10_000, minimumRps: 5 };
    expect(moduleRef.get(Consumer).http.config.policy.breaker).toMatchObject(expected);
    expect(moduleRef.get(PolicyRegistry).require('books').options.breaker).toMatchObject(expected);
    await moduleRef.close();
  });

  it('lets code win over the environment', async () => {
    // Arrange
    process.env.BOOKS_SERVICE_URL = 'http://from-env:1';
    process.env.BOOKS_SERVICE_MAX_RETRIES = '7';
    try {
      // Act
      const moduleRef = await compile([
        DownstreamModule.register({ name: 'books', config: { urls: 'http://code:2' } }),
      ]);

      // Assert
      const { config } = moduleRef.get(Consumer).http;
      expect(config.urls).toEqual(['http://code:2']);
      expect(config.policy.retry).toMatchObject({ maxRetries: 7 });
      await moduleRef.close();
    } finally {
      delete process.env.BOOKS_SERVICE_URL;
      delete process.env.BOOKS_SERVICE_MAX_RETRIES;
    }
  });
  describe('from the environment', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const key of Object.keys(process.env)) if (key.startsWith('BOOKS_SERVICE_')) delete process.env[key];
      Object.assign(process.env, saved);
    });

    it('builds the client from <NAME>_SERVICE_*, with the HTTP classifier on its named policy', async () => {
      // Arrange
      process.env.BOOKS_SERVICE_URL = 'http://books.internal:8080/';
      process.env.BOOKS_SERVICE_MAX_RETRIES = '1';

      // Act
      const moduleRef = await compile([DownstreamModule.register({ name: 'books', forwardAuth: true })]);

      // Assert
      const { http } = moduleRef.get(Consumer);
      const pipeline = moduleRef.get(PolicyRegistry).require('books');
      expect(http.config.urls).toEqual(['http://books.internal:8080']);
      expect(pipeline.options.classifier).toBe(httpFailureClassifier);
      expect(pipeline.options.retry).toMatchObject({ maxRetries: 1 });
      await moduleRef.close();
    });

    it('stops start-up on a malformed variable, naming it', async () => {
      // Arrange
      process.env.BOOKS_SERVICE_URL = 'http://books.internal:8080';
      process.env.BOOKS_SERVICE_TIMEOUT = 'forever';

      // Act
      const error = await compile([DownstreamModule.register({ name: 'books' })]).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(InvalidServiceConfigError);
      expect((error as InvalidServiceConfigError).variable).toBe('BOOKS_SERVICE_TIMEOUT');
    });

    it('stops start-up without an address, naming BOOKS_SERVICE_URL', async () => {
      // Act
      const error = await compile([DownstreamModule.register({ name: 'books' })]).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(InvalidServiceConfigError);
      expect((error as InvalidServiceConfigError).variable).toBe('BOOKS_SERVICE_URL');
    });
  });

  it('closes the client’s pools when the application shuts down', async () => {
    // Arrange
    const moduleRef = await compile([DownstreamModule.register({ name: 'books', config: { urls: 'http://books:1' } })]);
    const close = jest.spyOn(moduleRef.get(Consumer).http, 'close');

    // Act
    await moduleRef.close();

    // Assert
    expect(close).toHaveBeenCalledTimes(1);
  });
});
