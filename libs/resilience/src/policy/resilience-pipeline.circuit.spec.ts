import { AttemptTimeoutError } from '../errors/attempt-timeout.error';
import { CallAbortedError } from '../errors/call-aborted.error';
import { CircuitOpenError } from '../errors/circuit-open.error';
import { RateLimitedError } from '../errors/rate-limited.error';
import type { AttemptContext, FailureClassifier, PolicyOptionsInput } from '../policy-options.interface';
import { HttpError, httpClassifier, usePipelineHarness } from '../testing/pipeline-fixtures';
import { retryAllClassifier } from './default-options';
import { ResiliencePipeline } from './resilience-pipeline';

/** Narrower than httpClassifier: a 429 is not retried, and a timeout is reported as server_error. */
const classifier: FailureClassifier = {
  ...httpClassifier,
  isRetryable: (e) => e instanceof AttemptTimeoutError || (e instanceof HttpError && e.status >= 500),
  outcome: (e) => (e instanceof HttpError && e.status < 500 ? 'client_error' : 'server_error'),
};

const failWith = (status: number) =>
  jest.fn(async (_ctx: AttemptContext): Promise<string> => Promise.reject(new HttpError(status)));
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe(ResiliencePipeline.name, () => {
  /** One attempt per call (no retries) unless a test says otherwise, so each call is one breaker sample. */
  const { build, observer } = usePipelineHarness({
    classifier,
    retry: { maxRetries: 0, initialDelayMs: 0, budget: false },
  });
  const trip = async (pipeline: ResiliencePipeline, fn: ReturnType<typeof failWith>, times = 5) => {
    for (let i = 0; i < times; i++) await caught(pipeline.execute(fn));
  };

  describe('consecutive breaker', () => {
    it('opens after 5 failures and refuses the 6th call without calling fn', async () => {
      const pipeline = build();
      const fn = failWith(503);

      await trip(pipeline, fn, 4);
      const stateAfter4 = pipeline.circuitState;
      await trip(pipeline, fn, 1);
      const sixth = await caught(pipeline.execute(fn, { operation: 'getBook' }));

      expect(stateAfter4).toBe('closed');
      expect(pipeline.circuitState).toBe('open');
      expect(fn).toHaveBeenCalledTimes(5);
      expect(sixth).toBeInstanceOf(CircuitOpenError);
      expect(sixth).toMatchObject({ policy: 'library', reason: 'circuit_open' });
      expect(observer.circuitChanged).toHaveBeenCalledWith('library', 'open');
      expect(observer.rejected).toHaveBeenCalledWith('library', 'getBook', 'circuit_open');
      expect(observer.callFinished).toHaveBeenLastCalledWith('library', 'getBook', 'rejected', 0);
    });

    it('refuses with the same stackless error instance every time', async () => {
      const pipeline = build();
      const fn = failWith(503);
      await trip(pipeline, fn);

      const first = await caught(pipeline.execute(fn));
      const second = await caught(pipeline.execute(fn));

      expect(first).toBeInstanceOf(CircuitOpenError);
      expect(second).toBe(first);
      expect((first as Error).stack ?? '').not.toMatch(/\bat /);
      expect(fn).toHaveBeenCalledTimes(5);
    });

    it('counts retryAfterMs down while the circuit is open', async () => {
      const pipeline = build();
      await trip(pipeline, failWith(503));
      const error = (await caught(pipeline.execute(failWith(503)))) as CircuitOpenError;

      const atOpen = error.retryAfterMs;
      await jest.advanceTimersByTimeAsync(10_000);

      expect(atOpen).toBe(30_000);
      expect(error.retryAfterMs).toBe(20_000);
      expect(pipeline.circuitRetryAfterMs()).toBe(20_000);
    });

    it('lets one probe through after halfOpenAfterMs and closes when it succeeds', async () => {
      const pipeline = build();
      await trip(pipeline, failWith(503));
      const healthy = jest.fn(async () => 'ok');

      await jest.advanceTimersByTimeAsync(29_999);
      const early = await caught(pipeline.execute(healthy));
      await jest.advanceTimersByTimeAsync(1);
      const probe = await pipeline.execute(healthy);
      const next = await pipeline.execute(healthy);

      expect(early).toBeInstanceOf(CircuitOpenError);
      expect(probe).toBe('ok');
      expect(next).toBe('ok');
      expect(healthy).toHaveBeenCalledTimes(2);
      expect(pipeline.circuitState).toBe('closed');
      expect(observer.circuitChanged.mock.calls.map((c) => c[1])).toEqual(['open', 'half-open', 'closed']);
    });

    it('re-opens when the probe fails, refusing calls again without calling fn', async () => {
      const pipeline = build();
      const fn = failWith(503);
      await trip(pipeline, fn);
      await jest.advanceTimersByTimeAsync(30_000);

      const probe = await caught(pipeline.execute(fn));
      const after = await caught(pipeline.execute(fn));

      expect(probe).toBeInstanceOf(HttpError);
      expect(after).toBeInstanceOf(CircuitOpenError);
      expect(fn).toHaveBeenCalledTimes(6);
      expect(pipeline.circuitState).toBe('open');
    });

    it('holds calls that arrive during the probe and refuses them when it fails', async () => {
      const pipeline = build();
      await trip(pipeline, failWith(503));
      await jest.advanceTimersByTimeAsync(30_000);
      let failProbe!: (e: Error) => void;
      const fn = jest.fn((_ctx: AttemptContext) => new Promise<string>((_, reject) => (failProbe = reject)));

      const probe = caught(pipeline.execute(fn));
      const waiting = [caught(pipeline.execute(fn)), caught(pipeline.execute(fn))];
      await jest.advanceTimersByTimeAsync(0);
      const stateDuringProbe = pipeline.circuitState;
      failProbe(new HttpError(503));

      expect(stateDuringProbe).toBe('half-open');
      expect(await probe).toBeInstanceOf(HttpError);
      const [a, b] = await Promise.all(waiting);
      expect(a).toBeInstanceOf(CircuitOpenError);
      expect(b).toBe(a);
      expect(fn).toHaveBeenCalledTimes(1);
    });

    it('stops retrying a call once its failures open the circuit, even when every error is retryable', async () => {
      const pipeline = build({ retry: { maxRetries: 10 }, breaker: { threshold: 3 }, classifier: retryAllClassifier });
      const fn = failWith(503);

      const call = caught(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(100);

      expect(await call).toBeInstanceOf(CircuitOpenError);
      expect(fn).toHaveBeenCalledTimes(3);
      expect(observer.retrying).toHaveBeenCalledTimes(3);
    });

    it('never opens on errors the classifier does not count as failures (4xx)', async () => {
      const pipeline = build();
      const fn = failWith(404);

      await trip(pipeline, fn, 20);

      expect(pipeline.circuitState).toBe('closed');
      expect(fn).toHaveBeenCalledTimes(20);
    });

    it('counts a timed-out attempt as a failure', async () => {
      const pipeline = build({ timeoutMs: 100, breaker: { threshold: 2 } });
      const hanging = jest.fn(
        (ctx: AttemptContext) =>
          new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
      );

      const calls = [caught(pipeline.execute(hanging)), caught(pipeline.execute(hanging))];
      await jest.advanceTimersByTimeAsync(200);

      expect(await Promise.all(calls)).toEqual([expect.any(AttemptTimeoutError), expect.any(AttemptTimeoutError)]);
      expect(pipeline.circuitState).toBe('open');
    });
  });

  describe('sampling breaker', () => {
    const sampling = {
      breaker: { kind: 'sampling', threshold: 0.5, samplingDurationMs: 1_000, minimumRps: 5, halfOpenAfterMs: 5_000 },
    } as PolicyOptionsInput;

    it('opens once the failure ratio passes the threshold', async () => {
      const pipeline = build(sampling);
      for (let i = 0; i < 5; i++) await pipeline.execute(async () => 'ok');
      const fn = failWith(503);

      await trip(pipeline, fn, 5);
      const atHalf = pipeline.circuitState;
      await trip(pipeline, fn, 1);
      const refused = await caught(pipeline.execute(fn));

      expect(atHalf).toBe('closed');
      expect(pipeline.circuitState).toBe('open');
      expect(refused).toBeInstanceOf(CircuitOpenError);
      expect(fn).toHaveBeenCalledTimes(6);
    });

    it('does not open below the minimum volume', async () => {
      const pipeline = build(sampling);
      const fn = failWith(503);

      await trip(pipeline, fn, 4);
      const belowVolume = pipeline.circuitState;
      await trip(pipeline, fn, 1);

      expect(belowVolume).toBe('closed');
      expect(pipeline.circuitState).toBe('open');
    });
  });

  describe('manual control', () => {
    it('isolates: refuses every call with no retry hint, until reset', async () => {
      const pipeline = build();
      const fn = jest.fn(async () => 'ok');

      pipeline.isolateCircuit();
      const refused = await caught(pipeline.execute(fn));
      const state = pipeline.circuitState;
      const hint = pipeline.circuitRetryAfterMs();
      pipeline.resetCircuit();
      const after = await pipeline.execute(fn);

      expect(refused).toBeInstanceOf(CircuitOpenError);
      expect((refused as CircuitOpenError).retryAfterMs).toBeUndefined();
      expect(state).toBe('isolated');
      expect(hint).toBeUndefined();
      expect(after).toBe('ok');
      expect(fn).toHaveBeenCalledTimes(1);
      expect(pipeline.circuitState).toBe('closed');
      expect(observer.circuitChanged.mock.calls.map((c) => c[1])).toEqual(['isolated', 'closed']);
    });

    it('closes an open circuit on reset', async () => {
      const pipeline = build();
      await trip(pipeline, failWith(503));

      pipeline.resetCircuit();

      expect(pipeline.circuitState).toBe('closed');
      expect(pipeline.circuitRetryAfterMs()).toBeUndefined();
      await expect(pipeline.execute(async () => 'ok')).resolves.toBe('ok');
    });

    it('has no circuit when the breaker is off: always closed, every call reaches fn', async () => {
      const pipeline = build({ breaker: false });
      const fn = failWith(503);

      await trip(pipeline, fn, 20);
      pipeline.isolateCircuit();

      expect(pipeline.hasCircuit).toBe(false);
      expect(pipeline.circuitState).toBe('closed');
      expect(pipeline.circuitRetryAfterMs()).toBeUndefined();
      expect(fn).toHaveBeenCalledTimes(20);
      await expect(pipeline.execute(async () => 'ok')).resolves.toBe('ok');
    });
  });

  // Regression (was a bug at circuit.ts / resilience-pipeline.ts isFailure): cockatiel's half-open probe closes the
  // circuit
  // on any error its filter does not handle. The pipeline keeps caller aborts and policy rejections out
  // of the filter, so a probe that never got an answer from the downstream closes the circuit.
  describe('a half-open probe that gets no answer', () => {
    it('does not close the circuit when the caller aborts the probe', async () => {
      const pipeline = build();
      await trip(pipeline, failWith(503));
      await jest.advanceTimersByTimeAsync(30_000);
      const controller = new AbortController();
      const hanging = jest.fn(
        (ctx: AttemptContext) =>
          new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
      );

      const probe = caught(pipeline.execute(hanging, { signal: controller.signal }));
      controller.abort();
      const error = await probe;
      await jest.advanceTimersByTimeAsync(0);

      expect(error).toBeInstanceOf(CallAbortedError);
      expect(pipeline.circuitState).not.toBe('closed');
    });

    it('does not close the circuit when the rate limiter refuses the probe', async () => {
      const pipeline = build({ rateLimit: { limit: 5, windowMs: 60_000, maxWaitMs: 0 } });
      await trip(pipeline, failWith(503));
      await jest.advanceTimersByTimeAsync(30_000);
      const fn = jest.fn(async () => 'ok');

      const error = await caught(pipeline.execute(fn));

      expect(error).toBeInstanceOf(RateLimitedError);
      expect(fn).not.toHaveBeenCalled();
      expect(pipeline.circuitState).not.toBe('closed');
    });
  });
});
