import { DEFAULT_HOST } from './kernel/emulator-server';
import type { RunningEmulator } from './kernel/emulator.types';
import { startChatEmulator } from './chat/chat.emulator';
import { startLlmEmulator } from './llm/llm.emulator';
import { startKnowledgeEmulator } from './knowledge/knowledge.emulator';
import { startUserEmulator } from './user/user.emulator';
import { startLibraryEmulator } from './library/library.emulator';
import { startProwlarrEmulator } from './prowlarr/prowlarr.emulator';
import { startQbittorrentEmulator } from './qbittorrent/qbittorrent.emulator';
import { SANDBOX_PORTS, type SandboxEmulatorName } from './sandbox.constants';

/** A port per emulator (default {@link SANDBOX_PORTS}; 0 = ephemeral) and one host for all. */
export type SandboxOptions = Partial<Record<SandboxEmulatorName, number>> & { host?: string };

export interface RunningSandbox {
  emulators: Record<string, RunningEmulator>;
  close(): Promise<void>;
}

type EmulatorStarter = (options: { port: number; host: string }) => Promise<RunningEmulator>;

/** The emulators built so far; the others in SANDBOX_PORTS join as they are written. */
const STARTERS: Partial<Record<SandboxEmulatorName, EmulatorStarter>> = {
  library: startLibraryEmulator,
  chat: startChatEmulator,
  user: startUserEmulator,
  knowledge: startKnowledgeEmulator,
  llm: (options) => startLlmEmulator({ ...options, apiKey: process.env.LLM_API_KEY || undefined }),
  prowlarr: startProwlarrEmulator,
  // Long enough for a few monitor polls (MEDIA_MONITOR_INTERVAL, 10 s) to show progress in a demo.
  qbittorrent: (options) =>
    startQbittorrentEmulator({ ...options, downloadMs: Number(process.env.SANDBOX_QBITTORRENT_DOWNLOAD_MS) || 30_000, downloadRoot: process.env.SANDBOX_QBITTORRENT_DOWNLOAD_ROOT || undefined }),
};

/** Starts every emulator. If one fails to start, the others are closed before the error is rethrown. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? DEFAULT_HOST;
  const entries = Object.entries(STARTERS) as [SandboxEmulatorName, EmulatorStarter][];
  const results = await Promise.allSettled(
    entries.map(([name, start]) => start({ port: options[name] ?? SANDBOX_PORTS[name], host })),
  );
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.allSettled(started.map((emulator) => emulator.close()));
    throw failure.reason;
  }
  const emulators = Object.fromEntries(started.map((emulator) => [emulator.name, emulator]));
  return {
    emulators,
    close: async () => {
      await Promise.all(started.map((emulator) => emulator.close()));
    },
  };
}
