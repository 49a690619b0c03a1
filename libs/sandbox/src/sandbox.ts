import { DEFAULT_HOST } from './kernel/emulator-server';
import type { RunningEmulator } from './kernel/emulator.types';
import { startChatEmulator } from './chat/chat.emulator';
import { startLlmEmulator } from './llm/llm.emulator';
import { startKnowledgeEmulator } from './knowledge/knowledge.emulator';
import { startUserEmulator } from './user/user.emulator';
import { startLibraryEmulator } from './library/library.emulator';
import { startProwlarrEmulator } from './prowlarr/prowlarr.emulator';
import { startQbittorrentEmulator } from './qbittorrent/qbittorrent.emulator';
import { startTmdbEmulator } from './tmdb/tmdb.emulator';
import { SANDBOX_PORTS, type SandboxEmulatorName } from './sandbox.constants';
import { readEmulatorEnv } from './sandbox.config';

/**
 * A port per emulator (default {@link SANDBOX_PORTS}; 0 = ephemeral) and one host for all, plus
 * ports of more instances of an emulator: each is a separate emulator with its own control API, so
 * a fault can hit one instance of a downstream and not the others.
 */
export type SandboxOptions = Partial<Record<SandboxEmulatorName, number>> & {
  host?: string;
  moreInstances?: Partial<Record<SandboxEmulatorName, number[]>>;
};

export interface RunningSandbox {
  emulators: Record<string, RunningEmulator>;
  /** Every instance of each emulator, the main one first. */
  instances: Record<string, RunningEmulator[]>;
  close(): Promise<void>;
}

type EmulatorStarter = (options: { port: number; host: string }) => Promise<RunningEmulator>;

/** The emulators built so far; the others in SANDBOX_PORTS join as they are written. */
const STARTERS: Partial<Record<SandboxEmulatorName, EmulatorStarter>> = {
  library: startLibraryEmulator,
  chat: startChatEmulator,
  user: startUserEmulator,
  knowledge: startKnowledgeEmulator,
  llm: (options) => startLlmEmulator({ ...options, apiKey: readEmulatorEnv().llmApiKey }),
  prowlarr: startProwlarrEmulator,
  // Long enough for a few monitor polls (MEDIA_MONITOR_INTERVAL, 10 s) to show progress in a demo.
  qbittorrent: (options) =>
    startQbittorrentEmulator({
      ...options,
      downloadMs: readEmulatorEnv().qbittorrentDownloadMs ?? 30_000,
      downloadRoot: readEmulatorEnv().qbittorrentDownloadRoot,
    }),
  // With TMDB_API_KEY set, the emulator accepts only that key, as TMDB would; else any key.
  tmdb: (options) => startTmdbEmulator({ ...options, apiKey: readEmulatorEnv().tmdbApiKey }),
};

/** Starts every emulator. If one fails to start, the others are closed before the error is rethrown. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const entries = (Object.entries(STARTERS) as [SandboxEmulatorName, EmulatorStarter][]).flatMap(([name, start]) =>
    [options[name] ?? SANDBOX_PORTS[name], ...(options.moreInstances?.[name] ?? [])].map(
      (port) => [name, start, port] as const,
    ),
  );
  const results = await Promise.allSettled(entries.map(([, start, port]) => start({ port, host })));
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.allSettled(started.map((emulator) => emulator.close()));
    throw failure.reason;
  }
  const instances: Record<string, RunningEmulator[]> = {};
  for (const emulator of started) (instances[emulator.name] ??= []).push(emulator);
  const emulators = Object.fromEntries(Object.entries(instances).map(([name, list]) => [name, list[0]]));
  return {
    emulators,
    instances,
    close: async () => {
      await Promise.all(started.map((emulator) => emulator.close()));
    },
  };
}
