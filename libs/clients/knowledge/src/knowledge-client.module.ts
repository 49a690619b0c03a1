import { Module } from '@nestjs/common';
import { DownstreamModule } from '@keel/clients-core';
import { KnowledgeClient } from './knowledge.client';
import { KNOWLEDGE } from './knowledge.constants';

/**
 * The knowledge service's client. Configured by `KNOWLEDGE_SERVICE_*`; needs
 * `ResilienceModule.forRoot()` in the app. The contract expects the end user's own token, so this
 * client forwards it. Its health indicator is `downstreamHealth(KNOWLEDGE)`.
 */
@Module({
  imports: [DownstreamModule.register({ name: KNOWLEDGE, forwardAuth: true, healthPath: '/health' })],
  providers: [KnowledgeClient],
  exports: [KnowledgeClient, DownstreamModule],
})
export class KnowledgeClientModule {}
