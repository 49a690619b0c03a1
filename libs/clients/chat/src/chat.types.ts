/** chat-svc's client options; its contract's types are in `chat.schemas.ts`. */
/**
 * Returns a service-held token to send instead of the caller's, or `undefined` to forward the
 * caller's own. Called before every call, so it may refresh a token that is about to expire.
 */
export type ChatTokenProvider = () => string | undefined | Promise<string | undefined>;

export interface ChatClientOptions {
  updateToken?: ChatTokenProvider;
}

export type CircuitState = 'closed' | 'open' | 'half-open' | 'isolated';
export type CircuitStateListener = (state: CircuitState, previous: CircuitState) => void;
