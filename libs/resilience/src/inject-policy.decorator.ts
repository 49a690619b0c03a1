import { Inject } from '@nestjs/common';
import type { FactoryProvider } from '@nestjs/common';
import { PolicyRegistry } from './policy-registry.service';
import type { PolicyOptionsInput } from './policy-options.interface';
import { POLICY_TOKEN_PREFIX } from './resilience.constants';

export const getPolicyToken = (name: string): string => `${POLICY_TOKEN_PREFIX}${name}`;

/** Injects the shared pipeline named `name` (registered with `providePolicy(name)`). */
export const InjectPolicy = (name: string): ParameterDecorator & PropertyDecorator => Inject(getPolicyToken(name));

/** A provider for `@InjectPolicy(name)`; add it to the module that uses the policy. */
/** `options` receives the providers listed in `inject`, in order. */
export function providePolicy(
  name: string,
  options?: (...deps: never[]) => PolicyOptionsInput,
  inject: FactoryProvider['inject'] = [],
): FactoryProvider {
  return {
    provide: getPolicyToken(name),
    useFactory: (registry: PolicyRegistry, ...deps: unknown[]) =>
      registry.get(name, options ? (options as (...a: unknown[]) => PolicyOptionsInput)(...deps) : undefined),
    inject: [PolicyRegistry, ...inject],
  };
}
