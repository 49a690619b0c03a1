import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { PlatformModuleOptions } from './platform-options.interface';
import { PLATFORM_OPTIONS } from './platform.constants';

export const { ConfigurableModuleClass, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<PlatformModuleOptions>({ optionsInjectionToken: PLATFORM_OPTIONS })
    .setClassMethodName('forRoot')
    .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
    .build();
