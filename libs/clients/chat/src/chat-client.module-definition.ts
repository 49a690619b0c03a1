import { ConfigurableModuleBuilder } from '@nestjs/common';
import { CHAT_CLIENT_OPTIONS } from './chat.constants';
import type { ChatClientOptions } from './chat.types';

export const { ConfigurableModuleClass, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<ChatClientOptions>({ optionsInjectionToken: CHAT_CLIENT_OPTIONS })
    .setClassMethodName('register')
    .build();
