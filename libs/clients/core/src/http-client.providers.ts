import { Inject, Logger } from '@nestjs/common';
import type { FactoryProvider, OnApplicationShutdown } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { PolicyRegistry } from '@keel/resilience';
import { httpFailureClassifier } from './http/http-failure-classifier';
import { ResilientHttpClient } from './http/resilient-http-client';
import type { HttpClientOptions } from './http/resilient-http-client';
import { UndiciAdapter } from './http/undici-adapter';
import { resolveServiceConfig } from './registry/service.config';
import type { ServiceConfigDefaults } from './registry/service.config';

export const getHttpClientToken = (name: string): string => `KEEL:HTTP_CLIENT:${name}`;

/** Injects the ResilientHttpClient of downstream `name` (registered with `provideHttpClient`). */
export const InjectHttpClient = (name: string): ParameterDecorator => Inject(getHttpClientToken(name));

export interface ProvideHttpClientOptions extends HttpClientOptions {
  defaults?: ServiceConfigDefaults;
}

/**
 * The provider of a downstream's client. Import `HttpModule.register({})` in the same module: that
 * gives this client its own axios instance. The env config is read and validated here, when the
 * module starts, so a bad `<NAME>_SERVICE_*` variable stops start-up with its name.
 */
export function provideHttpClient(name: string, options: ProvideHttpClientOptions = {}): FactoryProvider {
  return {
    provide: getHttpClientToken(name),
    inject: [PolicyRegistry, HttpService],
    useFactory: (registry: PolicyRegistry, http: HttpService) => {
      const config = resolveServiceConfig(name, undefined, options.defaults);
      const pipeline = registry.get(name, { ...config.policy, classifier: httpFailureClassifier });
      const transport = new UndiciAdapter({ connections: 128, keepAliveTimeoutMs: 10_000 });
      const client = new ResilientHttpClient(config, http.axiosRef, pipeline, transport, options);
      new Logger('Clients').log({
        msg: 'downstream configured',
        downstream: name,
        urls: config.urls,
        timeoutMs: config.timeoutMs,
      });
      return Object.assign(client, { onApplicationShutdown: () => client.close() } satisfies OnApplicationShutdown);
    },
  };
}
