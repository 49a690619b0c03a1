import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { KnowledgeClient } from './knowledge.client';
import { KNOWLEDGE } from './knowledge.constants';
import { KnowledgeHealthIndicator } from './knowledge.health';

/**
 * The knowledge service's client. Configured by `KNOWLEDGE_SERVICE_*`; needs
 * `ResilienceModule.forRoot()` in the app. The contract expects the end user's own token, so this
 * client forwards it.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    provideHttpClient(KNOWLEDGE, { forwardAuth: true, healthPath: '/health' }),
    KnowledgeClient,
    KnowledgeHealthIndicator,
  ],
  exports: [KnowledgeClient, KnowledgeHealthIndicator],
})
export class KnowledgeClientModule {}
