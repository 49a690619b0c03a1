import { Module } from '@nestjs/common';
import { DownstreamModule } from '@keel/clients-core';
import { ChatClient } from './chat.client';
import { CHAT } from './chat.constants';
import { ConfigurableModuleClass } from './chat-client.module-definition';

/**
 * chat-svc's client. Configured by `CHAT_SERVICE_*`; needs `ResilienceModule.forRoot()` in the app.
 * Import it as is to forward the caller's token, or `register({ updateToken })` to send a
 * service-held one. Its health indicator is `downstreamHealth(CHAT)`.
 */
@Module({
  imports: [DownstreamModule.register({ name: CHAT, forwardAuth: true, healthPath: '/health' })],
  providers: [ChatClient],
  exports: [ChatClient, DownstreamModule],
})
export class ChatClientModule extends ConfigurableModuleClass {}
