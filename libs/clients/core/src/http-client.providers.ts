import type { FactoryProvider } from '@nestjs/common';
import { PolicyRegistry } from '@keel/resilience';
import type { HttpClientOptions } from './http/http-call.types';
import { createHttpClient } from './module/downstream.providers';
import { getHttpClientToken } from './module/downstream.tokens';
import type { ServiceConfigDefaults } from './registry/service.config';

export { getHttpClientToken, InjectHttpClient } from './module/downstream.tokens';

export interface ProvideHttpClientOptions extends HttpClientOptions {
  defaults?: ServiceConfigDefaults;
}

/**
 * @deprecated Import `DownstreamModule.register({ name, ... })` instead, which also provides the
 * downstream's health indicator. The provider of a downstream's client.
 */
export function provideHttpClient(name: string, options: ProvideHttpClientOptions = {}): FactoryProvider {
  return {
    provide: getHttpClientToken(name),
    inject: [PolicyRegistry],
    useFactory: (registry: PolicyRegistry) => createHttpClient(name, options, registry),
  };
}
