import type { CompletionRequest } from './llm.types';

/** The OpenAI-compatible request body. */
export function toWireRequest(model: string, request: CompletionRequest) {
  const system = request.system ? [{ role: 'system', content: request.system }] : [];
  return {
    model,
    messages: [...system, ...request.messages.map(({ role, content }) => ({ role, content }))],
    max_tokens: request.maxTokens,
    temperature: request.temperature ?? 0,
  };
}
