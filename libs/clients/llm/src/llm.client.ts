import { Inject, Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { LLM, LLM_SETTINGS } from './llm.constants';
import { toWireRequest } from './llm.mapper';
import { CompletionSchema } from './llm.schemas';
import type { Completion, CompletionRequest, LlmSettings } from './llm.types';

/**
 * Typed client of an OpenAI-compatible `POST /v1/chat/completions` (vLLM, Ollama, llama.cpp). It
 * authenticates with the service's own `LLM_API_KEY`; the caller's token never goes here.
 */
@Injectable()
export class LlmClient {
  constructor(
    @InjectHttpClient(LLM) private readonly http: ResilientHttpClient,
    @Inject(LLM_SETTINGS) private readonly settings: LlmSettings,
  ) {}

  get model(): string {
    return this.settings.model;
  }

  /**
   * One completion. A POST without an idempotency key is never retried, so a slow generation costs
   * at most one timeout (`LLM_SERVICE_TIMEOUT`, default 20 s). A 4xx is DownstreamRejectedError (502).
   * For a deadline of the caller's own, call it inside `RequestContext.withDeadline`.
   */
  async complete(request: CompletionRequest): Promise<Completion> {
    const { apiKey, model } = this.settings;
    const { body } = await this.http.call({
      operation: 'complete',
      method: 'POST',
      path: '/v1/chat/completions',
      body: toWireRequest(model, request),
      headers: apiKey
        ? { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }
        : { 'content-type': 'application/json' },
      answers: { 200: CompletionSchema },
    });
    return { ...body, model: body.model ?? model };
  }
}
