import { getEventListeners } from 'node:events';
import { AttemptTimeoutError } from '../errors/attempt-timeout.error';
import { CallAbortedError } from '../errors/call-aborted.error';
import type { AttemptContext, FailureClassifier } from '../policy-options.interface';
import { HttpError, httpClassifier, track, usePipelineHarness } from '../testing/pipeline-fixtures';
import { ResiliencePipeline } from './resilience-pipeline';

/** Narrower than httpClassifier: a 429 is not retried, and a 4xx is reported as server_error. */
const classifier: FailureClassifier = {
  ...httpClassifier,
  isRetryable: (e) => e instanceof AttemptTimeoutError || (e instanceof HttpError && e.status >= 500),
  outcome: (e) => (e instanceof AttemptTimeoutError ? 'timeout' : 'server_error'),
};

/** A downstream that never answers; like a transport, it gives up only when its signal aborts. */
const hangingDownstream = () => {
  const onAbort = jest.fn();
  const fn = jest.fn(
    (ctx: AttemptContext) =>
      new Promise<string>((_, reject) =>
        ctx.signal.addEventListener('abort', () => {
          onAbort(ctx.signal.reason);
          reject(new Error('socket destroyed'));
        }),
      ),
  );
  return { fn, onAbort };
};

describe(ResiliencePipeline.name, () => {
  const { build, observer } = usePipelineHarness({ classifier });

  describe('per-attempt timeout', () => {
    it('rejects with AttemptTimeoutError ≤ 2 wheel slots after the timeout, aborting ctx.signal with it', async () => {
      jest.setSystemTime(1_000_030); // not on a slot boundary
      const pipeline = build({ timeoutMs: 1_000, retry: false });
      const { fn, onAbort } = hangingDownstream();

      const call = track(pipeline.execute(fn, { operation: 'search' }));
      await jest.advanceTimersByTimeAsync(999);
      const early = call.settled;
      await jest.advanceTimersByTimeAsync(101); // slots are 1000 / 20 = 50 ms

      expect(early).toBe(false);
      expect(call.error).toBeInstanceOf(AttemptTimeoutError);
      expect(call.error).toMatchObject({ policy: 'library', timeoutMs: 1_000 });
      const { signal } = fn.mock.calls[0][0];
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe(call.error);
      expect(onAbort).toHaveBeenCalledTimes(1);
      expect(onAbort).toHaveBeenCalledWith(call.error);
      expect(observer.callFinished).toHaveBeenCalledWith(
        'library',
        'search',
        'timeout',
        expect.any(Number),
        call.error,
      );
    });

    it('retries a timed-out attempt when timeouts are retryable', async () => {
      const pipeline = build({ timeoutMs: 1_000, retry: { maxRetries: 1 } });
      const { fn: hang } = hangingDownstream();
      const fn = jest.fn((ctx: AttemptContext) => (ctx.attempt === 0 ? hang(ctx) : Promise.resolve('second')));

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(1_200);

      expect(call.value).toBe('second');
      expect(fn.mock.calls.map(([ctx]) => ctx.attempt)).toEqual([0, 1]);
      expect(fn.mock.calls[0][0].signal.aborted).toBe(true);
      expect(fn.mock.calls[1][0].signal.aborted).toBe(false);
    });

    it('leaves an attempt that answers in time alone', async () => {
      const pipeline = build({ timeoutMs: 1_000 });
      const fn = jest.fn(
        (ctx: AttemptContext) => new Promise<AttemptContext>((resolve) => setTimeout(() => resolve(ctx), 900)),
      );

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(3_000);

      expect(call.value?.signal.aborted).toBe(false);
      expect(fn).toHaveBeenCalledTimes(1);
    });
  });

  describe('the caller signal', () => {
    it('ends a retry backoff at once with CallAbortedError, and no attempt follows', async () => {
      const pipeline = build();
      const fn = jest.fn(async () => Promise.reject(new HttpError(503, 5_000)));
      const controller = new AbortController();
      const reason = new Error('deadline');

      const call = track(pipeline.execute(fn, { signal: controller.signal }));
      await jest.advanceTimersByTimeAsync(1_000);
      controller.abort(reason);
      await jest.advanceTimersByTimeAsync(0);
      const settledAtAbort = call.settled;
      await jest.advanceTimersByTimeAsync(30_000);

      expect(settledAtAbort).toBe(true);
      expect(call.error).toBeInstanceOf(CallAbortedError);
      expect(call.error).toMatchObject({ policy: 'library', cause: reason });
      expect(fn).toHaveBeenCalledTimes(1);
      expect(observer.attempted).toHaveBeenCalledTimes(1);
    });

    it('carries the failure it was waiting to retry, so the caller can report it, not its own deadline', async () => {
      const pipeline = build();
      const failure = new HttpError(503, 5_000);
      const controller = new AbortController();

      const call = track(pipeline.execute(async () => Promise.reject(failure), { signal: controller.signal }));
      await jest.advanceTimersByTimeAsync(1_000);
      controller.abort(new Error('deadline'));
      await jest.advanceTimersByTimeAsync(0);

      expect(call.error).toBeInstanceOf(CallAbortedError);
      expect((call.error as CallAbortedError).lastFailure).toBe(failure);
    });

    it('carries no failure when the caller gives up before any attempt failed', async () => {
      const pipeline = build();
      const controller = new AbortController();

      const call = track(pipeline.execute(() => new Promise(() => undefined), { signal: controller.signal }));
      controller.abort(new Error('deadline'));
      await jest.advanceTimersByTimeAsync(0);

      expect((call.error as CallAbortedError).lastFailure).toBeUndefined();
    });

    it('aborts the attempt in flight through ctx.signal', async () => {
      const pipeline = build();
      const { fn, onAbort } = hangingDownstream();
      const controller = new AbortController();

      const call = track(pipeline.execute(fn, { signal: controller.signal, operation: 'search' }));
      await jest.advanceTimersByTimeAsync(10);
      controller.abort('client gone');
      await jest.advanceTimersByTimeAsync(10_000);

      expect(call.error).toBeInstanceOf(CallAbortedError);
      expect(fn.mock.calls[0][0].signal.aborted).toBe(true);
      expect(onAbort).toHaveBeenCalledWith('client gone');
      expect(fn).toHaveBeenCalledTimes(1);
      expect(observer.retrying).not.toHaveBeenCalled();
      expect(observer.callFinished).toHaveBeenCalledWith(
        'library',
        'search',
        'rejected',
        expect.any(Number),
        call.error,
      );
    });

    it('keeps caller aborts out of the breaker', async () => {
      const pipeline = build();
      const { fn } = hangingDownstream();

      for (let i = 0; i < 10; i++) {
        const controller = new AbortController();
        const call = pipeline.execute(fn, { signal: controller.signal }).catch((e: unknown) => e);
        await jest.advanceTimersByTimeAsync(1);
        controller.abort();
        expect(await call).toBeInstanceOf(CallAbortedError);
      }

      expect(pipeline.circuitState).toBe('closed');
      await expect(pipeline.execute(async () => 'ok')).resolves.toBe('ok');
      expect(fn).toHaveBeenCalledTimes(10);
    });

    it('ends a wait in the bulkhead queue, and the queued call never runs', async () => {
      const pipeline = build({ bulkhead: { limit: 1, queue: 1 } });
      let finishFirst!: (v: string) => void;
      const first = jest.fn(() => new Promise<string>((resolve) => (finishFirst = resolve)));
      const queued = jest.fn(async () => 'queued');
      const controller = new AbortController();

      const running = pipeline.execute(first);
      const waiting = track(pipeline.execute(queued, { signal: controller.signal }));
      controller.abort();
      await jest.advanceTimersByTimeAsync(0);
      const settledAtAbort = waiting.settled;
      finishFirst('first');
      await running;
      await jest.advanceTimersByTimeAsync(10);

      expect(settledAtAbort).toBe(true);
      expect(waiting.error).toBeInstanceOf(CallAbortedError);
      expect(queued).not.toHaveBeenCalled();
    });

    it('does not call fn for a signal that is already aborted', async () => {
      const pipeline = build();
      const fn = jest.fn(async () => 'ok');
      const controller = new AbortController();
      controller.abort();

      const error = await pipeline.execute(fn, { signal: controller.signal }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(CallAbortedError);
      expect(fn).not.toHaveBeenCalled();
    });

    // Regression (was a bug at resilience-pipeline.ts, execute): with no bulkhead and no retry in front, an already
    // aborted
    // signal is only noticed by guardWithSignal after the attempt started: fn runs, an attempt is
    // counted and a rate-limit slot is spent for a call whose caller has already gone.
    it('does not call fn for a signal that is already aborted, even with no bulkhead or retry in front', async () => {
      const pipeline = build({ bulkhead: false });
      const fn = jest.fn(async () => 'ok');
      const controller = new AbortController();
      controller.abort();

      const error = await pipeline
        .execute(fn, { signal: controller.signal, retryable: false })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(CallAbortedError);
      expect(fn).not.toHaveBeenCalled();
      expect(observer.attempted).not.toHaveBeenCalled();
    });

    it('counts an attempt its deadline cut as a breaker failure (timeout), not one its caller quit', async () => {
      // Arrange: a breaker that opens on the first failure.
      const deadlinePipeline = build({
        retry: false,
        breaker: { kind: 'consecutive', threshold: 1, halfOpenAfterMs: 60_000 },
      });
      const hangUpPipeline = new ResiliencePipeline('hang-up', deadlinePipeline.options, observer);
      const deadline = new AbortController();
      const hangUp = new AbortController();

      // Act: both downstreams hang; one caller's deadline passes, the other caller goes away.
      const timedOut = track(
        deadlinePipeline.execute(hangingDownstream().fn, { operation: 'a', signal: deadline.signal }),
      );
      const abandoned = track(
        hangUpPipeline.execute(hangingDownstream().fn, { operation: 'b', signal: hangUp.signal }),
      );
      deadline.abort(new DOMException('deadline', 'TimeoutError'));
      hangUp.abort(new DOMException('gone', 'AbortError'));
      await jest.advanceTimersByTimeAsync(0);

      // Assert
      expect(timedOut.error).toBeInstanceOf(CallAbortedError);
      expect(abandoned.error).toBeInstanceOf(CallAbortedError);
      expect(deadlinePipeline.circuitState).toBe('open');
      expect(hangUpPipeline.circuitState).toBe('closed');
      expect(observer.callFinished).toHaveBeenCalledWith('library', 'a', 'timeout', expect.any(Number), timedOut.error);
      expect(observer.callFinished).toHaveBeenCalledWith(
        'hang-up',
        'b',
        'rejected',
        expect.any(Number),
        abandoned.error,
      );
      hangUpPipeline.dispose();
    });

    it('leaves no listener on a long-lived caller signal once calls finish', async () => {
      const pipeline = build();
      const controller = new AbortController();
      const fn = jest.fn(async (ctx: AttemptContext) => {
        if (ctx.attempt === 0) throw new HttpError(503);
        return 'ok';
      });

      for (let i = 0; i < 5; i++) {
        const call = track(pipeline.execute(fn, { signal: controller.signal }));
        await jest.advanceTimersByTimeAsync(10);
        expect(call.value).toBe('ok');
      }

      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    });
  });
});
