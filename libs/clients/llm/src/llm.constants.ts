/** The downstream's name: its policy, its metrics label and its `LLM_SERVICE_*` variables. */
export const LLM = 'llm';

export const LLM_SETTINGS = 'KEEL:LLM_SETTINGS';

/** Generation is slow: one attempt may take this long (override with `LLM_SERVICE_TIMEOUT`). */
export const LLM_DEFAULT_TIMEOUT = '20s';

/** What the sandbox emulator answers as; a real server needs `LLM_MODEL`. */
export const LLM_DEFAULT_MODEL = 'sandbox-summarizer';
