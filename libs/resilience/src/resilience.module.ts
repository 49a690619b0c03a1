import { Module } from '@nestjs/common';
import { fleetLinkProvider } from './fleet/fleet-link.provider';
import { PolicyRegistry } from './policy-registry.service';
import { FLEET_LINK } from './resilience.constants';
import { ConfigurableModuleClass } from './resilience.module-definition';

/**
 * `ResilienceModule.forRoot({ service, defaults, policies })`, global: every client shares one
 * PolicyRegistry, and with `REDIS_URL` every replica of the service shares its breakers and limits.
 */
@Module({
  providers: [PolicyRegistry, fleetLinkProvider],
  exports: [PolicyRegistry, FLEET_LINK],
})
export class ResilienceModule extends ConfigurableModuleClass {}
