/** Where each downstream's sandbox emulator listens, so that `npm start` needs no configuration. */
export const SANDBOX_DEFAULT_PORTS: Record<string, number> = {
  library: 3101,
  chat: 3102,
  user: 3103,
  knowledge: 3104,
  prowlarr: 3105,
  qbittorrent: 3106,
  llm: 3107,
  tmdb: 3108,
};
