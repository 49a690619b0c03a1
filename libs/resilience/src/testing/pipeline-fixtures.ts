// Spec support for the pipeline and subscriber specs; not part of the build (tsconfig.build.json excludes testing/).
import { AttemptTimeoutError } from '../errors/attempt-timeout.error';
import type { FailureClassifier, PolicyOptionsInput, RetryOptions } from '../policy-options.interface';
import { DEFAULT_POLICY_OPTIONS, mergePolicyOptions } from '../policy/default-options';
import type { PipelineObserver } from '../policy/pipeline-observer';
import { ResiliencePipeline } from '../policy/resilience-pipeline';

/** What the HTTP layer would throw: a status and maybe a Retry-After. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter?: number,
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * Retries timeouts, 5xx and 429; a 4xx is not a failure; honours Retry-After. A spec that needs less overrides fields.
 */
export const httpClassifier: FailureClassifier = {
  isRetryable: (e) =>
    e instanceof AttemptTimeoutError || (e instanceof HttpError && (e.status >= 500 || e.status === 429)),
  isFailure: (e) => !(e instanceof HttpError && e.status < 500),
  retryAfterMs: (e) => (e instanceof HttpError ? e.retryAfter : undefined),
  outcome: (e) =>
    e instanceof AttemptTimeoutError
      ? 'timeout'
      : e instanceof HttpError && e.status < 500
        ? 'client_error'
        : 'server_error',
};

export const recorder = (): jest.Mocked<PipelineObserver> => ({
  callFinished: jest.fn(),
  attempted: jest.fn(),
  retrying: jest.fn(),
  rejected: jest.fn(),
  circuitChanged: jest.fn(),
});

/** Settles without waiting, so a test can look at a call before and after the clock moves. */
export const track = <T>(promise: Promise<T>) => {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
};

export interface FakeClockOptions {
  /** Runs in beforeEach, after the fake clock is installed. */
  setup?: () => void;
  /** Runs first in afterEach, while the fake clock is still installed. */
  teardown?: () => void;
  /** Also call jest.restoreAllMocks() last in afterEach. */
  restoreMocks?: boolean;
}

/**
 * Registers beforeEach/afterEach hooks: fake timers starting at 1_000_000 for every test, cleared and removed after it.
 */
export function useFakeClock({ setup, teardown, restoreMocks = false }: FakeClockOptions = {}): void {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    setup?.();
  });
  afterEach(() => {
    teardown?.();
    jest.clearAllTimers();
    jest.useRealTimers();
    if (restoreMocks) jest.restoreAllMocks();
  });
}

export interface PipelineHarnessOptions {
  /** The classifier every pipeline gets unless a test's options name another. */
  classifier?: FailureClassifier;
  /** Retry settings layered over DEFAULT_POLICY_OPTIONS, under a test's own options. */
  retry?: Partial<RetryOptions>;
  /** Also call jest.restoreAllMocks() after each test. */
  restoreMocks?: boolean;
}

/**
 * The fake clock plus a `build` that makes pipelines reporting to `observer` and disposes them after each test.
 * `observer` is one object whose mocks are replaced with fresh ones before each test.
 */
export function usePipelineHarness({
  classifier = httpClassifier,
  retry = { initialDelayMs: 0, budget: false },
  restoreMocks = false,
}: PipelineHarnessOptions = {}) {
  const pipelines: ResiliencePipeline[] = [];
  const observer = recorder();
  useFakeClock({
    restoreMocks,
    setup: () => Object.assign(observer, recorder()),
    teardown: () => {
      for (const pipeline of pipelines.splice(0)) pipeline.dispose();
    },
  });
  const build = (options: PolicyOptionsInput = {}, name = 'library', reportTo: PipelineObserver = observer) => {
    const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, { classifier, retry }, options);
    const pipeline = new ResiliencePipeline(name, merged, reportTo);
    pipelines.push(pipeline);
    return pipeline;
  };
  return { build, observer };
}
