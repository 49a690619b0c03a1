import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { InjectPolicy, getPolicyToken, providePolicy } from './inject-policy.decorator';
import { PolicyRegistry } from './policy-registry.service';
import type { ResiliencePipeline } from './policy/resilience-pipeline';
import { ResilienceModule } from './resilience.module';

@Injectable()
class BooksClient {
  constructor(@InjectPolicy('library') readonly policy: ResiliencePipeline) {}
}

@Module({ providers: [providePolicy('library'), BooksClient] })
class BooksModule {}

@Injectable()
class Settings {
  readonly timeoutMs = 1_234;
}

@Module({ providers: [Settings], exports: [Settings] })
class SettingsModule {}

// @nestjs/testing is not installed in this workspace; an application context boots the same container.
describe(ResilienceModule.name, () => {
  let app: INestApplicationContext | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('forRoot: @InjectPolicy in a feature module gets the registry’s one pipeline, with module options', async () => {
    @Module({
      imports: [
        ResilienceModule.forRoot({ policies: { library: { timeoutMs: 2_500, bulkhead: false } } }),
        BooksModule,
      ],
    })
    class AppModule {}
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });

    const client = app.get(BooksClient);
    const registry = app.get(PolicyRegistry);

    expect(client.policy).toBe(registry.get('library'));
    expect(app.get(getPolicyToken('library'))).toBe(client.policy);
    expect(client.policy.options.timeoutMs).toBe(2_500);
    expect(client.policy.options.bulkhead).toBe(false);
    await expect(client.policy.execute(async ({ attempt }) => `attempt ${attempt}`)).resolves.toBe('attempt 0');
  });

  it('forRootAsync: takes its options from a factory with injected dependencies', async () => {
    @Module({
      imports: [
        ResilienceModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: (s: Settings) => ({ defaults: { timeoutMs: s.timeoutMs } }),
        }),
        BooksModule,
      ],
    })
    class AppModule {}
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });

    expect(app.get(BooksClient).policy.options.timeoutMs).toBe(1_234);
  });

  it('providePolicy passes the caller options from injected dependencies, under the module policies', async () => {
    @Injectable()
    class SearchClient {
      constructor(@InjectPolicy('prowlarr') readonly policy: ResiliencePipeline) {}
    }
    @Module({
      imports: [SettingsModule],
      providers: [
        providePolicy('prowlarr', ((s: Settings) => ({ timeoutMs: s.timeoutMs, bulkhead: { limit: 2 } })) as never, [
          Settings,
        ]),
        SearchClient,
      ],
    })
    class SearchModule {}
    @Module({
      imports: [ResilienceModule.forRoot({ policies: { prowlarr: { bulkhead: { queue: 0 } } } }), SearchModule],
    })
    class AppModule {}
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });

    const { options } = app.get(SearchClient).policy;

    expect(options.timeoutMs).toBe(1_234);
    expect(options.bulkhead).toEqual({ limit: 2, queue: 0 });
  });

  it('disposes the pipelines when the application closes', async () => {
    @Module({ imports: [ResilienceModule.forRoot({}), BooksModule] })
    class AppModule {}
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const dispose = jest.spyOn(app.get(BooksClient).policy, 'dispose');

    await app.close();
    app = undefined;

    expect(dispose).toHaveBeenCalledTimes(1);
  });
});
