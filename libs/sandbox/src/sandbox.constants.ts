/** Fixed sandbox ports (ARCHITECTURE.md, "Ports"); the clients' defaults point here. */
export const SANDBOX_PORTS = Object.freeze({
  library: 3101,
  chat: 3102,
  user: 3103,
  knowledge: 3104,
  prowlarr: 3105,
  qbittorrent: 3106,
  llm: 3107,
  tmdb: 3108,
} as const);

export type SandboxEmulatorName = keyof typeof SANDBOX_PORTS;
