import { Injectable, Module } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { NestFactory } from '@nestjs/core';
import { PLATFORM_OPTIONS } from '../platform.constants';
import type { PlatformModuleOptions } from '../platform-options.interface';
import { HealthChecksRegistry, healthKeyOf } from './health-checks.registry';

@Injectable()
class DatabaseHealthIndicator {
  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    return { [key]: { status: 'up' } };
  }
}

@Injectable()
class LibraryHealthIndicator {
  async isHealthy(): Promise<HealthIndicatorResult> {
    throw new Error('socket hang up');
  }
}

class QBittorrentHealth {}
class Unprovided {
  async isHealthy(): Promise<HealthIndicatorResult> {
    return {};
  }
}

const FILMS_HEALTH = 'KEEL:DOWNSTREAM_HEALTH:films';

@Module({
  providers: [
    DatabaseHealthIndicator,
    LibraryHealthIndicator,
    { provide: FILMS_HEALTH, useValue: { isHealthy: async (key: string) => ({ [key]: { status: 'up' } }) } },
  ],
  exports: [DatabaseHealthIndicator, LibraryHealthIndicator, FILMS_HEALTH],
})
class IndicatorsModule {}

async function registryFor(options: Partial<PlatformModuleOptions>) {
  @Module({
    imports: [IndicatorsModule],
    providers: [HealthChecksRegistry, { provide: PLATFORM_OPTIONS, useValue: { service: 't', ...options } }],
  })
  class RootModule {}
  const app = await NestFactory.createApplicationContext(RootModule, { logger: false, abortOnError: false });
  return { app, registry: app.get(HealthChecksRegistry) };
}

describe(HealthChecksRegistry.name, () => {
  it('derives keys from class names', () => {
    expect(healthKeyOf(LibraryHealthIndicator)).toBe('library');
    expect(healthKeyOf(DatabaseHealthIndicator)).toBe('database');
    expect(healthKeyOf(QBittorrentHealth)).toBe('qbittorrent');
  });

  it('resolves indicators across modules; readiness excludes downstreams; a throwing one reports down', async () => {
    const { app, registry } = await registryFor({
      readiness: [DatabaseHealthIndicator],
      downstreams: [{ key: 'books', indicator: LibraryHealthIndicator }],
    });

    const readiness = await Promise.all(registry.readiness.map((check) => check()));
    const all = await Promise.all(registry.all.map((check) => check()));

    expect(readiness).toEqual([{ database: { status: 'up' } }]);
    expect(all).toEqual([{ database: { status: 'up' } }, { books: { status: 'down', message: 'socket hang up' } }]);
    await app.close();
  });

  it('resolves an indicator by its provider token, under the key given', async () => {
    const { app, registry } = await registryFor({ downstreams: [{ key: 'films', indicator: FILMS_HEALTH }] });

    const all = await Promise.all(registry.all.map((check) => check()));

    expect(all).toEqual([{ films: { status: 'up' } }]);
    await app.close();
  });

  it('fails at start-up naming a token no module provides', async () => {
    await expect(registryFor({ downstreams: [{ key: 'x', indicator: 'KEEL:DOWNSTREAM_HEALTH:x' }] })).rejects.toThrow(
      'health indicator KEEL:DOWNSTREAM_HEALTH:x is not provided by any module',
    );
  });

  it('fails at start-up naming an indicator no module provides', async () => {
    await expect(registryFor({ downstreams: [Unprovided] })).rejects.toThrow(
      'health indicator Unprovided is not provided by any module',
    );
  });

  it('fails at start-up on a duplicate key', async () => {
    await expect(
      registryFor({
        readiness: [DatabaseHealthIndicator],
        downstreams: [{ key: 'database', indicator: LibraryHealthIndicator }],
      }),
    ).rejects.toThrow('share the key "database"');
  });
});
