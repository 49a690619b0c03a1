/** The downstream's name: its policy, its metrics label and its `CHAT_SERVICE_*` variables. */
export const CHAT = 'chat';

export const CHAT_CLIENT_OPTIONS = 'KEEL:CHAT_CLIENT_OPTIONS';

/** chat-svc's bounds on `limit` (contract: `1 ≤ limit ≤ 200`). */
export const CHAT_MIN_LIMIT = 1;
export const CHAT_MAX_LIMIT = 200;
