import { Logger } from '@nestjs/common';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PolicyRegistry } from '@keel/resilience';
import { DownstreamHealth } from '../health/downstream.health';
import { httpFailureClassifier } from '../http/downstream-failures';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { UndiciAdapter } from '../http/undici-adapter';
import { resolveServiceConfig } from '../registry/service.config';
import type { DownstreamModuleOptions } from './downstream-module-options.interface';
import { DOWNSTREAM_CONFIG_OVERRIDES } from './downstream-config.module-definition';
import type { DownstreamConfigEntry, DownstreamConfigs } from './downstream-config.module-definition';
import type { DownstreamConfig } from '../registry/downstream-config.schema';
import { getDownstreamHealthToken, getHttpClientToken } from './downstream.tokens';

export const DOWNSTREAM_MODULE_OPTIONS = 'KEEL:DOWNSTREAM_MODULE_OPTIONS';

/**
 * Builds the client of downstream `name`: its config (the app's `DownstreamConfigModule` entry over the
 * registration's code over env, checked now, so a bad value stops start-up with its name), its named
 * pipeline, its own undici pools, closed on shutdown.
 */
export function createHttpClient(
  name: string,
  options: DownstreamModuleOptions,
  registry: PolicyRegistry,
  overrides?: DownstreamConfigs,
): ResilientHttpClient {
  const entry = overrides?.[name];
  const code = entry === undefined ? options.config : { ...options.config, ...withoutSettings(entry) };
  const config = resolveServiceConfig(name, undefined, options.defaults, code);
  const pipeline = registry.get(name, { ...config.policy, classifier: httpFailureClassifier });
  const transport = new UndiciAdapter({ connections: 128, keepAliveTimeoutMs: 10_000 });
  const client = new ResilientHttpClient(config, pipeline, transport, options);
  new Logger('Clients').log({
    msg: 'downstream configured',
    downstream: name,
    urls: config.urls,
    timeoutMs: config.timeoutMs,
  });
  return Object.assign(client, { onApplicationShutdown: () => client.close() } satisfies OnApplicationShutdown);
}

/** The entry's HTTP and policy fields; its `settings` belong to the typed client. */
function withoutSettings({ settings: _settings, ...config }: DownstreamConfigEntry): DownstreamConfig {
  return config;
}

/** The client and its health indicator, under the downstream's tokens. */
export function downstreamProviders(name: string): Provider[] {
  return [
    {
      provide: getHttpClientToken(name),
      inject: [DOWNSTREAM_MODULE_OPTIONS, PolicyRegistry, { token: DOWNSTREAM_CONFIG_OVERRIDES, optional: true }],
      useFactory: (options: DownstreamModuleOptions, registry: PolicyRegistry, overrides?: DownstreamConfigs) =>
        createHttpClient(name, options, registry, overrides),
    },
    {
      provide: getDownstreamHealthToken(name),
      inject: [HealthIndicatorService, getHttpClientToken(name), DOWNSTREAM_MODULE_OPTIONS],
      useFactory: (health: HealthIndicatorService, client: ResilientHttpClient, options: DownstreamModuleOptions) =>
        new DownstreamHealth(health, client, { aliveBelow: options.aliveBelow }),
    },
  ];
}
