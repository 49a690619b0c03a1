export { startEmulator } from './kernel/emulator-server';
export { startTcpBlackhole, type TcpBlackhole } from './kernel/tcp-blackhole';
export { startDnsStub, type DnsStub } from './kernel/dns-stub';
export { sandboxControl, type SandboxControl } from './control-client';
export { requireBearer, hasBearerToken } from './kernel/auth';
export { sendJson, sendRawJson, sendProblem, sendNoContent, type ProblemOptions } from './kernel/respond';
export { readBody, readJsonBody, BodyError } from './kernel/body';
export { NO_FAULT, FAULT_MODES, parseFault, type FaultParseResult } from './kernel/fault';
export type {
  ActiveFaultMode,
  EmulatorStats,
  Fault,
  FaultMode,
  FaultSpec,
  HttpMethod,
  RequestContext,
  Route,
  RouteHandler,
  RunningEmulator,
  StartEmulatorOptions,
} from './kernel/emulator.types';
export { startLibraryEmulator, libraryRoutes, type LibraryEmulatorOptions } from './library/library.emulator';
export {
  LIBRARY_SEED,
  type LibraryGameSeed,
  type LibraryOwnershipSeed,
  type LibrarySeed,
} from './library/library.seed';
export { SANDBOX_PORTS, type SandboxEmulatorName } from './sandbox.constants';
export { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox';
export { startUserEmulator, userRoutes, type UserEmulatorOptions } from './user/user.emulator';
export { USER_SEED, type UserSeed, type UserSeedEntry } from './user/user.seed';
export { startKnowledgeEmulator, knowledgeRoutes, type KnowledgeEmulatorOptions } from './knowledge/knowledge.emulator';
export {
  KNOWLEDGE_SEED,
  type KnowledgeSeed,
  type KnowledgeResourceSeed,
  type KnowledgeKind,
} from './knowledge/knowledge.seed';
export {
  startChatEmulator,
  type ChatEmulatorOptions,
  type ChatSubjectStats,
  type RunningChatEmulator,
} from './chat/chat.emulator';
export {
  CHAT_SEED,
  type ChatSeed,
  type ChatConversationSeed,
  type ChatMessageSeed,
  type ChatMessageType,
} from './chat/chat.seed';
export { DEV_JWT_SECRET, signDevJwt, verifyHs256, type JwtVerdict } from './chat/chat.jwt';
export { startLlmEmulator, llmRoutes, type LlmEmulatorOptions, type LlmChatMessage } from './llm/llm.emulator';
export {
  startQbittorrentEmulator,
  type QbittorrentEmulatorOptions,
  type RunningQbittorrentEmulator,
} from './qbittorrent/qbittorrent.emulator';
export { createQbittorrentStore } from './qbittorrent/qbittorrent.store';
export { QBITTORRENT_CONTROL_PREFIX, type QbittorrentControls } from './qbittorrent/qbittorrent.control';
export { QBITTORRENT_VERSIONS, WEBAPI_VERSIONS, type QbittorrentVersion } from './qbittorrent/qbittorrent.constants';
export type { QbittorrentStore, QbtTorrent, QbtCategory, StickyTorrentState } from './qbittorrent/qbittorrent.types';
export { bencode, type Bencodable } from './kernel/bencode';
export { buildTorrentFile, type TorrentFixture } from './qbittorrent/qbittorrent.bencode';
export {
  startProwlarrEmulator,
  prowlarrRoutes,
  type ProwlarrEmulatorOptions,
  type RunningProwlarrEmulator,
} from './prowlarr/prowlarr.emulator';
export { prowlarrControl, maxInWindow, type ProwlarrControl } from './prowlarr/prowlarr.control';
export { PROWLARR_CONTROL_PREFIX } from './prowlarr/prowlarr.control-routes';
export type { PublishedRelease, PublishedReleaseRef } from './prowlarr/prowlarr.feed-routes';
export { SANDBOX_PROWLARR_API_KEY } from './prowlarr/prowlarr.constants';
export type { IndexerBehaviour, OmittedFields, SearchLogEntry } from './prowlarr/prowlarr.state';
export { PROWLARR_INDEXERS, type ProwlarrIndexerSeed } from './prowlarr/prowlarr-indexers.seed';
export {
  PROWLARR_MOVIES,
  PROWLARR_RELEASES,
  type ProwlarrMovieSeed,
  type ProwlarrReleaseSeed,
  type IndexerFlag,
} from './prowlarr/prowlarr-releases.seed';
export { startTmdbEmulator, tmdbRoutes, type TmdbEmulatorOptions } from './tmdb/tmdb.emulator';
export { TMDB_MOVIES, type TmdbMovieSeed } from './tmdb/tmdb.seed';
