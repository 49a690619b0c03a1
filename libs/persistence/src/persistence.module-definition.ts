import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { PersistenceModuleOptions } from './persistence.options';

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: PERSISTENCE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<PersistenceModuleOptions>().setClassMethodName('forRoot').build();
