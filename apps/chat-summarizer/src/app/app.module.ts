import { Module } from '@nestjs/common';
import { CHAT } from '@keel/clients-chat';
import { downstreamHealth } from '@keel/clients-core';
import { LLM } from '@keel/clients-llm';
import { PlatformModule } from '@keel/platform';
import { ResilienceModule } from '@keel/resilience';
import { SummariesModule } from './summaries/summaries.module';

@Module({
  imports: [
    // No database of its own: readiness has nothing to check, and a downstream outage never pulls the pod.
    // The LLM may take SUMMARY_LLM_DEADLINE (8 s) before the extractive fallback answers instead.
    PlatformModule.forRoot({
      service: 'chat-summarizer',
      readiness: [],
      downstreams: [downstreamHealth(CHAT), downstreamHealth(LLM)],
      requestDeadline: '10s',
    }),
    ResilienceModule.forRoot({ service: 'chat-summarizer' }),
    SummariesModule,
  ],
})
export class AppModule {}
