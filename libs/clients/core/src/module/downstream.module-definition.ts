import { ConfigurableModuleBuilder } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { DownstreamModuleOptions } from './downstream-module-options.interface';
import { DOWNSTREAM_MODULE_OPTIONS, downstreamProviders } from './downstream.providers';
import { getDownstreamHealthToken, getHttpClientToken } from './downstream.tokens';

// `name` is an extra rather than an option: the tokens a registration exports must be known before
// an async factory has run.
export const { ConfigurableModuleClass, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<DownstreamModuleOptions>({ optionsInjectionToken: DOWNSTREAM_MODULE_OPTIONS })
    .setClassMethodName('register')
    .setExtras({ name: '' }, (definition, { name }) => ({
      ...definition,
      imports: [...(definition.imports ?? []), TerminusModule],
      providers: [...(definition.providers ?? []), ...downstreamProviders(name)],
      exports: [getHttpClientToken(name), getDownstreamHealthToken(name)],
    }))
    .build();
