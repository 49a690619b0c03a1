/** An OpenAI-compatible chat completion request (shared/contracts/internal-services.md, "LLM"). */
export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  /** Sent as the first message, with role `system`. */
  system?: string;
  messages: LlmMessage[];
  maxTokens: number;
  /** Default 0, for repeatable summaries. */
  temperature?: number;
}

export interface CompletionUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface Completion {
  content: string;
  /** `stop`, `length` (cut at maxTokens), …; null when the server does not say. */
  finishReason: string | null;
  model: string;
  usage: CompletionUsage;
}

/** Read from the environment when the module starts. */
export interface LlmSettings {
  model: string;
  /** `LLM_API_KEY`; sent as `Authorization: Bearer …`, never logged. */
  apiKey: string | undefined;
}
