import type { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { RequestContext } from '@keel/context';
import { ResilienceModule } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import { sandboxControl } from '@keel/sandbox';
import type { DownstreamHealth } from '../health/downstream.health';
import { getDownstreamHealthToken } from '../module/downstream.tokens';
import type { FaultSpec, RunningEmulator, SandboxControl } from '@keel/sandbox';

export interface EmulatorClientBedOptions<C> {
  /** The downstream's name: its policy, and the prefix of its `<NAME>_SERVICE_*` variables. */
  name: string;
  /** Starts the downstream's sandbox emulator on the port given (0 here: ephemeral). */
  startEmulator: (options: { port: number }) => Promise<RunningEmulator>;
  module: Type<unknown>;
  client: Type<C>;
  /** The request id the calls made `asUser` carry. */
  requestId: string;
}

export interface EmulatorStatsView {
  requests: number;
  byPath: Record<string, number>;
  lastHeaders: Record<string, unknown>;
}

export interface EmulatorClientBed<C> {
  readonly emulator: RunningEmulator;
  readonly moduleRef: TestingModule;
  readonly client: C;
  /** The downstream's health indicator, as `DownstreamModule` registered it. */
  readonly health: DownstreamHealth;
  /** Compiles the client module with `env` (default: `<NAME>_SERVICE_URL` at the emulator) and a fast policy. */
  boot(env?: Record<string, string>, policy?: PolicyOptionsInput): Promise<void>;
  inject(fault: FaultSpec): Promise<void>;
  stats(): Promise<EmulatorStatsView>;
  /** Runs `fn` as a caller with a bearer token and the bed's request id, so the client forwards both. */
  asUser<T>(fn: () => Promise<T>): Promise<T>;
}

/** Retries in milliseconds and a breaker that half-opens in 400 ms, so fault specs run quickly. */
export const FAST_TEST_POLICY: PolicyOptionsInput = {
  retry: { initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: 400 },
};

/**
 * The frame of a typed client's integration spec: the real emulator on 127.0.0.1:0, healed and with
 * fresh counters before each test, and the client module compiled per test from `<NAME>_SERVICE_*`
 * (a 2 s timeout unless the test says otherwise), closed and its variables cleared after. Call it in
 * a `describe` body: it registers its own Jest hooks.
 */
export function emulatorClientBed<C>(options: EmulatorClientBedOptions<C>): EmulatorClientBed<C> {
  const prefix = `${options.name.toUpperCase()}_SERVICE_`;
  let emulator: RunningEmulator | undefined;
  let control: SandboxControl;
  let moduleRef: TestingModule | undefined;
  let client: C | undefined;
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not there yet: boot() first`);
    return value;
  };

  beforeAll(async () => {
    emulator = await options.startEmulator({ port: 0 });
    control = sandboxControl(emulator.url);
  });

  beforeEach(async () => {
    await control.heal();
    await control.resetStats();
  });

  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    client = undefined;
    for (const key of Object.keys(process.env)) if (key.startsWith(prefix)) delete process.env[key];
  });

  afterAll(async () => {
    await emulator?.close();
  });

  return {
    get emulator() {
      return required(emulator, 'the emulator');
    },
    get moduleRef() {
      return required(moduleRef, 'the module');
    },
    get client() {
      return required(client, 'the client');
    },
    get health() {
      return required(moduleRef, 'the module').get<string, DownstreamHealth>(getDownstreamHealthToken(options.name), {
        strict: false,
      });
    },
    async boot(env = { [`${prefix}URL`]: required(emulator, 'the emulator').url }, policy = FAST_TEST_POLICY) {
      Object.assign(process.env, { [`${prefix}TIMEOUT`]: '2s', ...env });
      moduleRef = await Test.createTestingModule({
        imports: [ResilienceModule.forRoot({ policies: { [options.name]: policy } }), options.module],
      }).compile();
      await moduleRef.init();
      client = moduleRef.get(options.client);
    },
    inject: (fault) => control.inject(fault),
    stats: () => control.stats<EmulatorStatsView>(),
    asUser: (fn) => RequestContext.run({ requestId: options.requestId, token: 'user-token' }, fn),
  };
}
