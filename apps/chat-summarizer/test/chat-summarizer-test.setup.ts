import { startTestService } from '@keel/platform/testing';
import type { TestService } from '@keel/platform/testing';
import { sandboxControl, startChatEmulator, startLlmEmulator } from '@keel/sandbox';
import type {
  ChatSeed,
  ChatSubjectStats,
  EmulatorStats,
  FaultSpec,
  RunningChatEmulator,
  RunningEmulator,
} from '@keel/sandbox';
import { AppModule } from '../src/app/app.module';

/** The LLM's API key in these tests: it must reach the LLM and never a log line. */
export const TEST_LLM_API_KEY = 'llm-key-e2e-7f3c9a1d5b';

export interface SummarizerTestBed {
  service: TestService;
  chat: RunningChatEmulator;
  llm: RunningEmulator;
  injectChat(fault: FaultSpec): Promise<void>;
  injectLlm(fault: FaultSpec): Promise<void>;
  healLlm(): Promise<void>;
  chatStats(): Promise<EmulatorStats & ChatSubjectStats>;
  llmStats(): Promise<EmulatorStats>;
  close(): Promise<void>;
}

export interface SummarizerTestBedOptions {
  env?: Record<string, string>;
  /** Replaces the chat emulator's seed (c1: u1 and u2 with 40 messages; c2: u2 only). */
  chatSeed?: ChatSeed;
}

/**
 * Boots the real chat-summarizer on 127.0.0.1:0 against real chat and LLM emulators, each on port 0.
 * Faults go in, and stats come out, over the emulators' HTTP control API.
 */
export async function startSummarizerTestBed(options: SummarizerTestBedOptions = {}): Promise<SummarizerTestBed> {
  const chat = await startChatEmulator({ port: 0, seed: options.chatSeed });
  const llm = await startLlmEmulator({ port: 0, apiKey: TEST_LLM_API_KEY });
  Object.assign(process.env, {
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    CHAT_SERVICE_URL: chat.url,
    CHAT_SERVICE_TIMEOUT: '500ms',
    CHAT_SERVICE_RETRY_DELAY: '5ms',
    CHAT_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    LLM_SERVICE_URL: llm.url,
    LLM_API_KEY: TEST_LLM_API_KEY,
    LLM_SERVICE_TIMEOUT: '800ms',
    LLM_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '1s',
    SUMMARY_LLM_DEADLINE: '1s',
    ...options.env,
  });
  const service = await startTestService(AppModule, { name: 'chat-summarizer' });
  const chatControl = sandboxControl(chat.url);
  const llmControl = sandboxControl(llm.url);
  return {
    service,
    chat,
    llm,
    injectChat: (fault) => chatControl.inject(fault),
    injectLlm: (fault) => llmControl.inject(fault),
    healLlm: () => llmControl.heal(),
    // In process: the subject stats (whose token came) are not on the HTTP control API.
    chatStats: async () => chat.stats(),
    llmStats: () => llmControl.stats(),
    close: async () => {
      await service.close();
      await chat.close();
      await llm.close();
    },
  };
}
