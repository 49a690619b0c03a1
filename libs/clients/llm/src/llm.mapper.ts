import { DownstreamContractError, checkShape, shapeViolations } from '@keel/clients-core';
import { LLM } from './llm.constants';
import type { Completion, CompletionRequest } from './llm.types';

const BODY_SHAPE = { choices: 'array', usage: 'object' } as const;
const CHOICE_SHAPE = { message: 'object', finish_reason: 'string|null' } as const;
const MESSAGE_SHAPE = { content: 'string' } as const;
const USAGE_SHAPE = { prompt_tokens: 'number', completion_tokens: 'number', total_tokens: 'number' } as const;

interface WireCompletion {
  model?: unknown;
  choices: { message: { content: string }; finish_reason: string | null }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

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

/** Checks the first choice and the usage, and maps them to camelCase. */
export function parseCompletion(body: unknown, requestedModel: string): Completion {
  const wire = checkShape<WireCompletion>(LLM, body, BODY_SHAPE);
  if (wire.choices.length === 0) throw new DownstreamContractError(LLM, ['body.choices: expected at least one choice']);
  const choice = wire.choices[0];
  const violations = shapeViolations(choice, CHOICE_SHAPE, 'body.choices[0]');
  if (violations.length === 0)
    violations.push(...shapeViolations(choice.message, MESSAGE_SHAPE, 'body.choices[0].message'));
  violations.push(...shapeViolations(wire.usage, USAGE_SHAPE, 'body.usage'));
  if (violations.length > 0) throw new DownstreamContractError(LLM, violations);
  return {
    content: choice.message.content,
    finishReason: choice.finish_reason,
    model: typeof wire.model === 'string' ? wire.model : requestedModel,
    usage: {
      promptTokens: wire.usage.prompt_tokens,
      completionTokens: wire.usage.completion_tokens,
      totalTokens: wire.usage.total_tokens,
    },
  };
}
