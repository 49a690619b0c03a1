import { Module } from '@nestjs/common';
import { DownstreamModule, downstreamSettingsProvider } from '@keel/clients-core';
import { LlmClient } from './llm.client';
import { LLM, LLM_DEFAULT_TIMEOUT, LLM_SETTINGS } from './llm.constants';
import { llmSettingsSchema, resolveLlmSettings } from './llm.settings';

/**
 * The LLM's client. Configured by `LLM_SERVICE_*`, `LLM_API_KEY` and `LLM_MODEL`, or in code by
 * `DownstreamConfigModule.forRoot({ llm: { urls, settings: { model, apiKey } } })`; needs
 * `ResilienceModule.forRoot()` in the app. It never forwards the caller's token. Its health
 * indicator is `downstreamHealth(LLM)`.
 */
@Module({
  imports: [
    DownstreamModule.register({
      name: LLM,
      forwardAuth: false,
      healthPath: '/health',
      defaults: { timeout: LLM_DEFAULT_TIMEOUT },
    }),
  ],
  providers: [
    downstreamSettingsProvider({
      provide: LLM_SETTINGS,
      name: LLM,
      schema: llmSettingsSchema,
      fromEnv: () => resolveLlmSettings(),
    }),
    LlmClient,
  ],
  exports: [LlmClient, DownstreamModule],
})
export class LlmClientModule {}
