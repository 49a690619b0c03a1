import { Inject, Injectable, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { ResilienceModule } from '@keel/resilience';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { InvalidServiceConfigError } from '../registry/service-config.error';
import { DownstreamConfigModule } from './downstream-config.module';
import { DownstreamModule } from './downstream.module';
import { downstreamApiKeyProvider, downstreamSettingsProvider } from './downstream-settings.provider';
import { InjectHttpClient } from './downstream.tokens';

const BOOKS_SETTINGS = 'BOOKS_SETTINGS';
const BOOKS_KEY = 'BOOKS_KEY';

interface BooksSettings {
  apiKey: string;
  region: string;
}

/** Stands for a typed client: its own settings besides the downstream's HTTP config. */
@Injectable()
class BooksClient {
  constructor(
    @InjectHttpClient('books') readonly http: ResilientHttpClient,
    @Inject(BOOKS_SETTINGS) readonly settings: BooksSettings,
    @Inject(BOOKS_KEY) readonly apiKey: string,
  ) {}
}

const booksSettings = {
  name: 'books',
  schema: z.strictObject({ apiKey: z.string().min(8).optional(), region: z.string().optional() }),
  fromEnv: (): BooksSettings => ({ apiKey: 'key-from-env', region: 'eu' }),
};

@Module({
  imports: [DownstreamModule.register({ name: 'books', config: { urls: 'http://books.default:1' } })],
  providers: [
    downstreamSettingsProvider({ provide: BOOKS_SETTINGS, ...booksSettings }),
    downstreamSettingsProvider({ provide: BOOKS_KEY, ...booksSettings, select: (settings) => settings.apiKey }),
    BooksClient,
  ],
})
class BooksClientModule {}

function boot(...imports: DynamicModule[]) {
  return Test.createTestingModule({ imports: [ResilienceModule.forRoot({}), ...imports, BooksClientModule] }).compile();
}

describe(downstreamSettingsProvider.name, () => {
  it('gives the settings from env when the app sets none in code', async () => {
    // Act
    const moduleRef = await boot();

    // Assert
    expect(moduleRef.get(BooksClient).settings).toEqual({ apiKey: 'key-from-env', region: 'eu' });
    await moduleRef.close();
  });

  it('takes the entry’s settings field by field over env, and leaves its HTTP config to the client', async () => {
    // Act
    const moduleRef = await boot(
      DownstreamConfigModule.forRoot({ books: { urls: 'http://books.app:8080', settings: { apiKey: 'key-in-code' } } }),
    );

    // Assert
    const client = moduleRef.get(BooksClient);
    expect(client.settings).toEqual({ apiKey: 'key-in-code', region: 'eu' });
    expect(client.apiKey).toBe('key-in-code');
    expect(client.http.config.urls).toEqual(['http://books.app:8080']);
    await moduleRef.close();
  });

  it('stops start-up on a bad setting, naming the downstream and the field but never the value', async () => {
    // Act
    const error = await boot(DownstreamConfigModule.forRoot({ books: { settings: { apiKey: 'short' } } })).catch(
      (e: unknown) => e,
    );

    // Assert
    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as Error).message).toMatch(/^books settings\.apiKey=/);
    expect((error as Error).message).not.toContain('short');
  });

  it('refuses a setting the client does not know', async () => {
    // Act
    const error = await boot(DownstreamConfigModule.forRoot({ books: { settings: { apikey: 'k' } } })).catch(
      (e: unknown) => e,
    );

    // Assert
    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as Error).message).toMatch(/^books settings\.\(root\)=.*apikey/);
  });

  it('gives an API key from the entry’s settings, or from env, and refuses a blank one', async () => {
    // Arrange
    @Module({ providers: [downstreamApiKeyProvider('MAPS_KEY', 'maps', () => 'maps-key-from-env')] })
    class MapsModule {}
    const bootMaps = (...imports: DynamicModule[]) =>
      Test.createTestingModule({ imports: [...imports, MapsModule] }).compile();

    // Act
    const fromEnv = await bootMaps();
    const fromCode = await bootMaps(DownstreamConfigModule.forRoot({ maps: { settings: { apiKey: 'maps-key' } } }));
    const blank = await bootMaps(DownstreamConfigModule.forRoot({ maps: { settings: { apiKey: ' ' } } })).catch(
      (e: unknown) => e,
    );

    // Assert
    expect(fromEnv.get('MAPS_KEY')).toBe('maps-key-from-env');
    expect(fromCode.get('MAPS_KEY')).toBe('maps-key');
    expect((blank as Error).message).toMatch(/^maps settings\.apiKey=/);
    await Promise.all([fromEnv.close(), fromCode.close()]);
  });
});
