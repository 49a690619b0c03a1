import { Module } from '@nestjs/common';
import { makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { ChatClientModule } from '@keel/clients-chat';
import { LlmClientModule } from '@keel/clients-llm';
import { FALLBACK_REASONS, SUMMARIZER_METRIC_NAMES, SUMMARY_SETTINGS } from './summaries.constants';
import { SummariesController } from './summaries.controller';
import { SummariesService } from './summaries.service';
import { SummaryGenerator } from './summary-generator.service';
import { resolveSummarySettings } from './summary.settings';

@Module({
  // ChatClientModule as is: it forwards the caller's own token to chat-svc.
  imports: [ChatClientModule, LlmClientModule],
  controllers: [SummariesController],
  providers: [
    { provide: SUMMARY_SETTINGS, useFactory: () => resolveSummarySettings() },
    makeCounterProvider({
      name: SUMMARIZER_METRIC_NAMES.fallbacks,
      help: `Summaries answered extractively because the LLM failed, by reason (${FALLBACK_REASONS.join(', ')})`,
      labelNames: ['reason'],
    }),
    SummaryGenerator,
    SummariesService,
  ],
})
export class SummariesModule {}
