import { Injectable, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { ResilienceModule } from '@keel/resilience';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { InvalidServiceConfigError } from '../registry/service-config.error';
import { DownstreamConfigModule } from './downstream-config.module';
import { DownstreamModule } from './downstream.module';
import { InjectHttpClient, getHttpClientToken } from './downstream.tokens';

/** Stands for a typed client module: it registers its downstream itself; the app only imports it. */
@Injectable()
class BooksClient {
  constructor(@InjectHttpClient('books') readonly http: ResilientHttpClient) {}
}

@Module({
  imports: [
    DownstreamModule.register({ name: 'books', config: { urls: 'http://books.default:1', retries: 4 } }),
    DownstreamModule.register({ name: 'films', config: { urls: 'http://films.default:1' } }),
  ],
  providers: [BooksClient],
  exports: [BooksClient],
})
class BooksClientModule {}

async function boot(configModule: DynamicModule) {
  return Test.createTestingModule({
    imports: [ResilienceModule.forRoot({}), configModule, BooksClientModule],
  }).compile();
}

describe(DownstreamConfigModule.name, () => {
  afterEach(() => {
    delete process.env.BOOKS_SERVICE_URL;
  });

  it('configures a downstream registered inside a module the app does not own; its fields win', async () => {
    // Arrange
    process.env.BOOKS_SERVICE_URL = 'http://from-env:1';

    // Act
    const moduleRef = await boot(
      DownstreamConfigModule.forRoot({ books: { urls: 'http://books.app:8080', timeout: '2s' } }),
    );

    // Assert
    const { config } = moduleRef.get(BooksClient).http;
    expect(config.urls).toEqual(['http://books.app:8080']);
    expect(config.timeoutMs).toBe(2000);
    expect(config.policy.retry).toMatchObject({ maxRetries: 4 });
    await moduleRef.close();
  });

  it('leaves a downstream without an entry as its registration configures it', async () => {
    // Act
    const moduleRef = await boot(DownstreamConfigModule.forRoot({ books: { urls: 'http://books.app:8080' } }));

    // Assert
    const films = moduleRef.get<string, ResilientHttpClient>(getHttpClientToken('films'), { strict: false });
    expect(films.config.urls).toEqual(['http://films.default:1']);
    await moduleRef.close();
  });

  it('takes the entries from a factory (forRootAsync with ConfigService)', async () => {
    // Act
    const moduleRef = await boot(
      DownstreamConfigModule.forRootAsync({
        imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ BOOKS_URL: 'http://cfg:9000' })] })],
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({ books: { urls: config.getOrThrow<string>('BOOKS_URL') } }),
      }),
    );

    // Assert
    expect(moduleRef.get(BooksClient).http.config.urls).toEqual(['http://cfg:9000']);
    await moduleRef.close();
  });

  it('stops start-up on a bad entry, naming the downstream and the field', async () => {
    // Act
    const error = await boot(DownstreamConfigModule.forRoot({ books: { timeout: 'soon' } })).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as Error).message).toMatch(/^books config\.timeout="soon" is invalid/);
  });
});
