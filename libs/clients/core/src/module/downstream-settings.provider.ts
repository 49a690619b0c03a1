import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import { z } from 'zod';
import { InvalidServiceConfigError } from '../registry/service-config.error';
import { DOWNSTREAM_CONFIG_OVERRIDES } from './downstream-config.module-definition';
import type { DownstreamConfigs } from './downstream-config.module-definition';

export interface DownstreamSettingsOptions<S extends object, T> {
  provide: InjectionToken;
  /** The downstream's registered name: its `DownstreamConfigModule` entry holds the settings. */
  name: string;
  /** What the entry's `settings` may hold; every field optional, unknown fields refused. */
  schema: z.ZodType<Partial<S>>;
  /** The settings from env (and their defaults), read when the module starts. */
  fromEnv: () => S;
  /** What the provider gives, when the client injects less than the whole settings (an API key). */
  select?: (settings: S) => T;
}

/**
 * A typed client's own settings (an API key, credentials), from the app's code or from env: the
 * `settings` of its `DownstreamConfigModule` entry, field by field over what `fromEnv` reads. A bad
 * field stops start-up with the downstream and the field's name, never its value: these are secrets.
 */
export function downstreamSettingsProvider<S extends object, T = S>(
  options: DownstreamSettingsOptions<S, T>,
): FactoryProvider<T> {
  const { provide, name, schema, fromEnv, select = (settings: S) => settings as unknown as T } = options;
  return {
    provide,
    inject: [{ token: DOWNSTREAM_CONFIG_OVERRIDES, optional: true }],
    useFactory: (overrides?: DownstreamConfigs) => {
      const fromCode = overrides?.[name]?.settings;
      if (fromCode === undefined) return select(fromEnv());
      const result = schema.safeParse(fromCode);
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue.path.map(String).join('.') || '(root)';
        throw new InvalidServiceConfigError(`${name} settings.${field}`, '(not shown)', issue.message);
      }
      const given = Object.entries(result.data).filter(([, value]) => value !== undefined);
      return select({ ...fromEnv(), ...Object.fromEntries(given) });
    },
  };
}

const apiKeySettingsSchema = z.strictObject({ apiKey: z.string().trim().min(1).optional() });

/**
 * The API key of a downstream whose only setting of its own is one (Prowlarr, TMDB): `settings: {
 * apiKey }` in code, else what `fromEnv` reads.
 */
export function downstreamApiKeyProvider(
  provide: InjectionToken,
  name: string,
  fromEnv: () => string,
): FactoryProvider<string> {
  return downstreamSettingsProvider({
    provide,
    name,
    schema: apiKeySettingsSchema,
    fromEnv: () => ({ apiKey: fromEnv() }),
    select: (settings) => settings.apiKey,
  });
}
