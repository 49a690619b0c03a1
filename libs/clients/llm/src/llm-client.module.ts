import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { TerminusModule } from '@nestjs/terminus';
import { provideHttpClient } from '@keel/clients-core';
import { LlmClient } from './llm.client';
import { LLM, LLM_DEFAULT_TIMEOUT, LLM_SETTINGS } from './llm.constants';
import { LlmHealthIndicator } from './llm.health';
import { resolveLlmSettings } from './llm.settings';

/**
 * The LLM's client. Configured by `LLM_SERVICE_*`, `LLM_API_KEY` and `LLM_MODEL`; needs
 * `ResilienceModule.forRoot()` in the app. It never forwards the caller's token.
 */
@Module({
  imports: [HttpModule.register({}), TerminusModule],
  providers: [
    provideHttpClient(LLM, { forwardAuth: false, healthPath: '/health', defaults: { timeout: LLM_DEFAULT_TIMEOUT } }),
    { provide: LLM_SETTINGS, useFactory: () => resolveLlmSettings() },
    LlmClient,
    LlmHealthIndicator,
  ],
  exports: [LlmClient, LlmHealthIndicator],
})
export class LlmClientModule {}
