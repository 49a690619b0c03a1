export { startEmulator } from './kernel/emulator-server';
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
export { LIBRARY_SEED, type LibraryGameSeed, type LibraryOwnershipSeed, type LibrarySeed } from './library/library.seed';
export { SANDBOX_PORTS, type SandboxEmulatorName } from './sandbox.constants';
export { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox';
export { startUserEmulator, userRoutes, type UserEmulatorOptions } from './user/user.emulator';
export { USER_SEED, type UserSeed, type UserSeedEntry } from './user/user.seed';
export { startKnowledgeEmulator, knowledgeRoutes, type KnowledgeEmulatorOptions } from './knowledge/knowledge.emulator';
export { KNOWLEDGE_SEED, type KnowledgeSeed, type KnowledgeResourceSeed, type KnowledgeKind } from './knowledge/knowledge.seed';
export { startChatEmulator, type ChatEmulatorOptions, type ChatSubjectStats, type RunningChatEmulator } from './chat/chat.emulator';
export { CHAT_SEED, type ChatSeed, type ChatConversationSeed, type ChatMessageSeed, type ChatMessageType } from './chat/chat.seed';
export { DEV_JWT_SECRET, signDevJwt, verifyHs256, type JwtVerdict } from './chat/chat.jwt';
export { startLlmEmulator, llmRoutes, type LlmEmulatorOptions, type LlmChatMessage } from './llm/llm.emulator';
