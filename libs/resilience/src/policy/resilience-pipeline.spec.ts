import type { AttemptContext } from '../policy-options.interface';
import { HttpError, httpClassifier, track, usePipelineHarness } from '../testing/pipeline-fixtures';
import { ResiliencePipeline } from './resilience-pipeline';

describe(ResiliencePipeline.name, () => {
  const { build, observer } = usePipelineHarness({ restoreMocks: true });

  describe('success', () => {
    it('passes the value through from one call with attempt 0 and a live signal', async () => {
      const pipeline = build();
      const fn = jest.fn(async (ctx: AttemptContext) => ({ id: 7, aborted: ctx.signal.aborted }));

      const value = await pipeline.execute(fn, { operation: 'getBook' });

      expect(value).toEqual({ id: 7, aborted: false });
      expect(fn).toHaveBeenCalledTimes(1);
      expect(fn.mock.calls[0][0]).toMatchObject({ attempt: 0 });
      expect(observer.attempted).toHaveBeenCalledTimes(1);
      expect(observer.callFinished).toHaveBeenCalledWith('library', 'getBook', 'success', expect.any(Number));
      expect(observer.rejected).not.toHaveBeenCalled();
    });

    it('takes the outcome of a returned value from classifier.valueOutcome, without retrying it', async () => {
      const pipeline = build({
        classifier: {
          ...httpClassifier,
          valueOutcome: (v) => ((v as { status: number }).status >= 400 ? 'client_error' : 'success'),
        },
      });
      const fn = jest.fn(async () => ({ status: 404 }));

      const value = await pipeline.execute(fn, { operation: 'getBook' });
      await pipeline.execute(async () => ({ status: 200 }), { operation: 'getBook' });

      expect(value).toEqual({ status: 404 });
      expect(fn).toHaveBeenCalledTimes(1);
      expect(observer.callFinished.mock.calls.map((c) => c[2])).toEqual(['client_error', 'success']);
    });

    it('labels a call without an operation "call"', async () => {
      const pipeline = build();

      await pipeline.execute(async () => 1);

      expect(observer.callFinished).toHaveBeenCalledWith('library', 'call', 'success', expect.any(Number));
    });
  });

  describe('retry', () => {
    it('retries a retryable error, numbering the attempts 0, 1, 2', async () => {
      const pipeline = build();
      const fn = jest.fn(async (ctx: AttemptContext) => {
        if (ctx.attempt < 2) throw new HttpError(503);
        return 'third time';
      });

      const call = track(pipeline.execute(fn, { operation: 'getBook' }));
      await jest.advanceTimersByTimeAsync(10);

      expect(call).toEqual({ settled: true, value: 'third time' });
      expect(fn.mock.calls.map(([ctx]) => ctx.attempt)).toEqual([0, 1, 2]);
      expect(observer.retrying.mock.calls.map((c) => [c[0], c[1], c[2], c[3]])).toEqual([
        ['library', 'getBook', 1, undefined],
        ['library', 'getBook', 2, undefined],
      ]);
      expect(observer.attempted).toHaveBeenCalledTimes(3);
    });

    it('gives each attempt its own signal', async () => {
      const pipeline = build();
      const fn = jest.fn(async (ctx: AttemptContext) => {
        if (ctx.attempt === 0) throw new HttpError(502);
        return 'ok';
      });

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(10);

      expect(call.value).toBe('ok');
      expect(fn.mock.calls[0][0].signal).not.toBe(fn.mock.calls[1][0].signal);
    });

    it('retries maxRetries times, then throws the last error', async () => {
      const pipeline = build({ retry: { maxRetries: 3 } });
      const errors: HttpError[] = [];
      const fn = jest.fn(async () => {
        const error = new HttpError(503);
        errors.push(error);
        throw error;
      });

      const call = track(pipeline.execute(fn, { operation: 'getBook' }));
      await jest.advanceTimersByTimeAsync(10);

      expect(fn).toHaveBeenCalledTimes(4);
      expect(call.error).toBe(errors[3]);
      expect(observer.retrying).toHaveBeenCalledTimes(3);
      expect(observer.callFinished).toHaveBeenCalledWith(
        'library',
        'getBook',
        'server_error',
        expect.any(Number),
        errors[3],
      );
    });

    it('does not retry an error the classifier calls not retryable', async () => {
      const pipeline = build();
      const badRequest = new HttpError(400);
      const fn = jest.fn(async () => Promise.reject(badRequest));

      const error = await pipeline.execute(fn, { operation: 'getBook' }).catch((e: unknown) => e);

      expect(error).toBe(badRequest);
      expect(fn).toHaveBeenCalledTimes(1);
      expect(observer.retrying).not.toHaveBeenCalled();
      expect(observer.callFinished).toHaveBeenCalledWith(
        'library',
        'getBook',
        'client_error',
        expect.any(Number),
        badRequest,
      );
    });

    it('never retries a call marked retryable: false', async () => {
      const pipeline = build();
      const fn = jest.fn(async () => Promise.reject(new HttpError(503)));

      const call = track(pipeline.execute(fn, { retryable: false }));
      await jest.advanceTimersByTimeAsync(10_000);

      expect(call.error).toBeInstanceOf(HttpError);
      expect(fn).toHaveBeenCalledTimes(1);
    });

    it.each([{ retry: false as const }, { retry: { maxRetries: 0 } }])('makes one attempt with %j', async (options) => {
      const pipeline = build(options);
      const fn = jest.fn(async () => Promise.reject(new HttpError(503)));

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(10_000);

      expect(call.error).toBeInstanceOf(HttpError);
      expect(fn).toHaveBeenCalledTimes(1);
    });
  });

  describe('backoff', () => {
    it('waits the Retry-After the downstream asked for before the next attempt', async () => {
      const pipeline = build();
      const fn = jest.fn(async (ctx: AttemptContext) => {
        if (ctx.attempt === 0) throw new HttpError(503, 2_000);
        return 'ok';
      });

      const call = track(pipeline.execute(fn, { operation: 'getBook' }));
      await jest.advanceTimersByTimeAsync(1_900);
      const callsAt1900 = fn.mock.calls.length;
      await jest.advanceTimersByTimeAsync(99);
      const callsAt1999 = fn.mock.calls.length;
      await jest.advanceTimersByTimeAsync(1);

      expect(callsAt1900).toBe(1);
      expect(callsAt1999).toBe(1);
      expect(fn).toHaveBeenCalledTimes(2);
      expect(call).toEqual({ settled: true, value: 'ok' });
      expect(observer.retrying).toHaveBeenCalledWith('library', 'getBook', 1, 2_000, expect.any(HttpError));
    });

    it('honours a Retry-After equal to the cap', async () => {
      const pipeline = build({ retry: { retryAfterCapMs: 3_000 } });
      const fn = jest.fn(async (ctx: AttemptContext) => {
        if (ctx.attempt === 0) throw new HttpError(429, 3_000);
        return 'ok';
      });

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(3_000);

      expect(call.value).toBe('ok');
      expect(fn).toHaveBeenCalledTimes(2);
    });

    it('gives up at once on a Retry-After above the cap instead of waiting for it', async () => {
      const pipeline = build({ retry: { retryAfterCapMs: 1_000 } });
      const tooLong = new HttpError(503, 5_000);
      const fn = jest.fn(async () => Promise.reject(tooLong));

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(0);

      expect(call).toEqual({ settled: true, error: tooLong });
      expect(fn).toHaveBeenCalledTimes(1);
      expect(observer.retrying).not.toHaveBeenCalled();
    });

    it('without a Retry-After, waits the jittered exponential backoff capped at maxDelayMs', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
      const pipeline = build({ retry: { initialDelayMs: 10_000, maxDelayMs: 300, maxRetries: 2 } });
      const fn = jest.fn(async () => Promise.reject(new HttpError(503)));

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(299);
      const before = fn.mock.calls.length;
      await jest.advanceTimersByTimeAsync(1);
      const after = fn.mock.calls.length;
      await jest.advanceTimersByTimeAsync(300);

      expect(before).toBe(1);
      expect(after).toBe(2);
      expect(fn).toHaveBeenCalledTimes(3);
      expect(call.error).toBeInstanceOf(HttpError);
    });
  });
});
