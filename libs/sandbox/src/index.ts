export { startEmulator } from './kernel/emulator-server';
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
