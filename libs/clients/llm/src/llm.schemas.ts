import { z } from 'zod';

/**
 * An OpenAI-compatible chat completion (shared/contracts/internal-services.md, "LLM"), read as
 * camelCase: the first choice and the usage; `model` only when the server names one.
 */
export const CompletionSchema = z
  .object({
    model: z.unknown().optional(),
    choices: z
      .array(z.object({ message: z.object({ content: z.string() }), finish_reason: z.string().nullable() }))
      .min(1, 'expected at least one choice'),
    usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
  })
  .transform((wire) => ({
    content: wire.choices[0].message.content,
    /** `stop`, `length` (cut at maxTokens), …; null when the server does not say. */
    finishReason: wire.choices[0].finish_reason,
    model: typeof wire.model === 'string' ? wire.model : undefined,
    usage: {
      promptTokens: wire.usage.prompt_tokens,
      completionTokens: wire.usage.completion_tokens,
      totalTokens: wire.usage.total_tokens,
    },
  }));
