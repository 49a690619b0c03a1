import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { ChatClient } from './chat.client';
import { CHAT } from './chat.constants';
import { ChatHealthIndicator } from './chat.health';
import { ConfigurableModuleClass } from './chat-client.module-definition';

/**
 * chat-svc's client. Configured by `CHAT_SERVICE_*`; needs `ResilienceModule.forRoot()` in the app.
 * Import it as is to forward the caller's token, or `register({ updateToken })` to send a
 * service-held one.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [provideHttpClient(CHAT, { forwardAuth: true, healthPath: '/health' }), ChatClient, ChatHealthIndicator],
  exports: [ChatClient, ChatHealthIndicator],
})
export class ChatClientModule extends ConfigurableModuleClass {}
