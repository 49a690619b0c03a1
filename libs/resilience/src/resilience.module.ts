import { Module } from '@nestjs/common';
import { PolicyRegistry } from './policy-registry.service';
import { ConfigurableModuleClass } from './resilience.module-definition';

/** `ResilienceModule.forRoot({ defaults, policies })`, global: every client shares one PolicyRegistry. */
@Module({
  providers: [PolicyRegistry],
  exports: [PolicyRegistry],
})
export class ResilienceModule extends ConfigurableModuleClass {}
