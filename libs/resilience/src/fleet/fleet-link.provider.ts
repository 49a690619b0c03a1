import { Logger } from '@nestjs/common';
import type { FactoryProvider } from '@nestjs/common';
import type { ResilienceModuleOptions } from '../policy-options.interface';
import { FLEET_LINK, RESILIENCE_OPTIONS } from '../resilience.constants';
import { hasRedisUrl, resolveFleetConfig } from './fleet.config';
import { FleetLink } from './fleet-link';

/**
 * The fleet link when `REDIS_URL` is set, else undefined (every policy stays in-process). Start-up
 * waits briefly for Redis but never fails on it: a service without Redis still serves, on local state.
 */
export const fleetLinkProvider: FactoryProvider<FleetLink | undefined> = {
  provide: FLEET_LINK,
  inject: [RESILIENCE_OPTIONS],
  useFactory: async (options: ResilienceModuleOptions) => {
    if (!options.service) {
      if (hasRedisUrl())
        new Logger('Fleet').warn(
          'REDIS_URL is set, but ResilienceModule.forRoot() names no service: policies stay per replica',
        );
      return undefined;
    }
    const config = resolveFleetConfig(options.service);
    if (!config) return undefined;
    const link = new FleetLink(config);
    await link.start();
    return Object.assign(link, { onApplicationShutdown: () => link.close() });
  },
};
