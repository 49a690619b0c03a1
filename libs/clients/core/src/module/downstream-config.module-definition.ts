import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { DownstreamConfig } from '../registry/downstream-config.schema';

export const DOWNSTREAM_CONFIG_OVERRIDES = 'KEEL:DOWNSTREAM_CONFIG_OVERRIDES';

/**
 * One downstream's entry: its HTTP and policy config, and the typed client's own `settings` (an API
 * key, credentials), which that client checks (see `downstreamSettingsProvider`).
 */
export type DownstreamConfigEntry = DownstreamConfig & { settings?: Readonly<Record<string, unknown>> };

/** Each downstream's entry, by the name it is registered under (`library`, `prowlarr`, …). */
export type DownstreamConfigs = Readonly<Record<string, DownstreamConfigEntry>>;

// Global, so that the registrations inside the typed client modules (which the app does not own) see it.
export const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<DownstreamConfigs>({
  optionsInjectionToken: DOWNSTREAM_CONFIG_OVERRIDES,
})
  .setClassMethodName('forRoot')
  .setExtras({}, (definition) => ({ ...definition, global: true, exports: [DOWNSTREAM_CONFIG_OVERRIDES] }))
  .build();
