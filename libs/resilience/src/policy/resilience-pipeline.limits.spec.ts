import { register } from 'prom-client';
import { BulkheadFullError } from '../errors/bulkhead-full.error';
import { RateLimitedError } from '../errors/rate-limited.error';
import { ResilienceMetrics } from '../metrics/resilience-metrics';
import { PolicyEventsSubscriber } from '../policy-events.subscriber';
import type { AttemptContext, FailureClassifier } from '../policy-options.interface';
import { HttpError, httpClassifier, track, usePipelineHarness } from '../testing/pipeline-fixtures';
import { retryAllClassifier } from './default-options';
import { ResiliencePipeline } from './resilience-pipeline';

/**
 * Narrower than httpClassifier: only a 5xx is retried (not a timeout or a 429), and every error is reported as
 * server_error.
 */
const classifier: FailureClassifier = {
  ...httpClassifier,
  isRetryable: (e) => e instanceof HttpError && e.status >= 500,
  outcome: () => 'server_error',
};

const counterValue = async (name: string, labels: Record<string, string>) => {
  const metric = await register.getSingleMetric(name)!.get();
  const match = metric.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value ?? 0;
};

describe(ResiliencePipeline.name, () => {
  const { build, observer } = usePipelineHarness({ classifier, restoreMocks: true });

  describe('rate limiter', () => {
    it('refuses the third call in the window with RateLimitedError, without calling fn', async () => {
      const pipeline = build({ rateLimit: { limit: 2, windowMs: 1_000, maxWaitMs: 0 } });
      const fn = jest.fn(async () => 'ok');

      await pipeline.execute(fn);
      await jest.advanceTimersByTimeAsync(300);
      await pipeline.execute(fn);
      const error = await pipeline.execute(fn, { operation: 'search' }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error).toMatchObject({ policy: 'library', reason: 'rate_limited', retryAfterMs: 700 });
      expect(fn).toHaveBeenCalledTimes(2);
      expect(observer.retrying).not.toHaveBeenCalled();
      expect(observer.rejected).toHaveBeenCalledWith('library', 'search', 'rate_limited');
      expect(observer.callFinished).toHaveBeenLastCalledWith(
        'library',
        'search',
        'rejected',
        expect.any(Number),
        error,
      );
    });

    it('makes the third call wait for a slot when maxWaitMs allows it', async () => {
      const pipeline = build({ rateLimit: { limit: 2, windowMs: 1_000, maxWaitMs: 1_000 } });
      const fn = jest.fn(async () => 'ok');
      await pipeline.execute(fn);
      await pipeline.execute(fn);

      const third = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(999);
      const callsBefore = fn.mock.calls.length;
      await jest.advanceTimersByTimeAsync(1);

      expect(callsBefore).toBe(2);
      expect(fn).toHaveBeenCalledTimes(3);
      expect(third.value).toBe('ok');
    });

    it('never retries a refused call, even when the classifier retries every error', async () => {
      const pipeline = build({
        classifier: retryAllClassifier,
        rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0 },
      });
      await pipeline.execute(async () => 'ok');

      const refused = track(pipeline.execute(async () => 'never'));
      await jest.advanceTimersByTimeAsync(100);

      expect(refused.error).toBeInstanceOf(RateLimitedError);
      expect(observer.retrying).not.toHaveBeenCalled();
    });

    it('does not count a breaker failure for a refused call', async () => {
      const pipeline = build({ rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0 } });
      await pipeline.execute(async () => 'ok');

      for (let i = 0; i < 10; i++) await pipeline.execute(async () => 'never').catch(() => undefined);

      expect(pipeline.circuitState).toBe('closed');
    });

    // Regression (was a bug at sliding-window-rate-limiter.ts line 31): acquire() throws RateLimitedError synchronously
    // (its doc says "rejects"). With no breaker around the limiter, that throw escapes the
    // pipeline's `.catch` in withRetry: cockatiel retries the refused call with backoff, ...
    it('refuses at once, without retry backoff, when the breaker is off', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
      const pipeline = build({
        breaker: false,
        retry: { maxRetries: 2, initialDelayMs: 1_000 },
        rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0 },
      });
      await pipeline.execute(async () => 'ok');

      const refused = track(pipeline.execute(async () => 'never'));
      await jest.advanceTimersByTimeAsync(0);

      expect(refused.settled).toBe(true);
      expect(refused.error).toBeInstanceOf(RateLimitedError);
    });

    // ... and with no breaker, no bulkhead and no retry, execute() throws instead of rejecting.
    it('rejects rather than throwing when no policy wraps the limiter', async () => {
      const pipeline = build({
        breaker: false,
        bulkhead: false,
        retry: false,
        rateLimit: { limit: 1, windowMs: 60_000, maxWaitMs: 0 },
      });
      await pipeline.execute(async () => 'ok');

      let promise: Promise<string> | undefined;
      const call = () => (promise = pipeline.execute(async () => 'never'));

      expect(call).not.toThrow();
      await expect(promise).rejects.toBeInstanceOf(RateLimitedError);
    });

    // Regression (was a bug at resilience-pipeline.ts line 158): `attempted` fires before the limiter, so an attempt
    // the
    // limiter refused (never sent) is counted in downstream_attempts_total ("Attempts sent to a downstream").
    it('counts only attempts that were sent to the downstream', async () => {
      const pipeline = build({ rateLimit: { limit: 2, windowMs: 1_000, maxWaitMs: 0 } });
      const fn = jest.fn(async () => 'ok');

      for (let i = 0; i < 3; i++) await pipeline.execute(fn).catch(() => undefined);

      expect(fn).toHaveBeenCalledTimes(2);
      expect(observer.attempted).toHaveBeenCalledTimes(2);
    });
  });

  describe('bulkhead', () => {
    it('refuses a second concurrent call with BulkheadFullError when limit 1 and no queue', async () => {
      const pipeline = build({ bulkhead: { limit: 1, queue: 0 } });
      let finish!: (v: string) => void;
      const slow = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)));
      const fast = jest.fn(async () => 'fast');

      const first = pipeline.execute(slow);
      const second = await pipeline.execute(fast, { operation: 'list' }).catch((e: unknown) => e);
      finish('slow');

      expect(second).toBeInstanceOf(BulkheadFullError);
      expect(second).toMatchObject({ policy: 'library', reason: 'bulkhead_full', retryAfterMs: undefined });
      expect(fast).not.toHaveBeenCalled();
      expect(observer.rejected).toHaveBeenCalledWith('library', 'list', 'bulkhead_full');
      await expect(first).resolves.toBe('slow');
      await expect(pipeline.execute(fast)).resolves.toBe('fast');
    });

    it('queues up to `queue` calls and runs them in turn', async () => {
      const pipeline = build({ bulkhead: { limit: 1, queue: 1 } });
      const order: string[] = [];
      let finish!: () => void;
      const slow = () => new Promise<string>((resolve) => (finish = () => resolve('slow')));

      const first = pipeline.execute(slow);
      const queued = pipeline.execute(async () => (order.push('queued'), 'queued'));
      const third = await pipeline.execute(async () => 'third').catch((e: unknown) => e);
      const queuedRanEarly = order.length;
      finish();

      expect(third).toBeInstanceOf(BulkheadFullError);
      expect(queuedRanEarly).toBe(0);
      await expect(first).resolves.toBe('slow');
      await expect(queued).resolves.toBe('queued');
    });
  });

  describe('retry budget', () => {
    it('allows no retry at all with a zero ratio and no reserve, and counts budget_exhausted', async () => {
      const pipeline = build(
        { retry: { maxRetries: 3, budget: { ratio: 0, minPerSecond: 0, ttlMs: 1_000 } } },
        'budget-none',
        new PolicyEventsSubscriber(new ResilienceMetrics()),
      );
      const fn = jest.fn(async (_ctx: AttemptContext) => Promise.reject(new HttpError(503)));
      const before = await counterValue('downstream_rejections_total', {
        downstream: 'budget-none',
        reason: 'budget_exhausted',
      });

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(100);

      expect(call.error).toBeInstanceOf(HttpError);
      expect(fn).toHaveBeenCalledTimes(1);
      expect(before).toBe(0);
      expect(
        await counterValue('downstream_rejections_total', { downstream: 'budget-none', reason: 'budget_exhausted' }),
      ).toBe(1);
      expect(await register.metrics()).toContain(
        'downstream_rejections_total{downstream="budget-none",reason="budget_exhausted"} 1',
      );
    });

    it('earns retries from the calls it sees', async () => {
      const pipeline = build({ retry: { maxRetries: 1, budget: { ratio: 0.5, minPerSecond: 0, ttlMs: 10_000 } } });
      await pipeline.execute(async () => 'ok');
      await pipeline.execute(async () => 'ok');
      const fn = jest.fn(async (_ctx: AttemptContext) => Promise.reject(new HttpError(503)));

      const call = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(100);

      expect(call.error).toBeInstanceOf(HttpError);
      expect(fn).toHaveBeenCalledTimes(2);
    });

    it('spends the reserve and then stops retrying', async () => {
      const pipeline = build({ retry: { maxRetries: 3, budget: { ratio: 0, minPerSecond: 1, ttlMs: 1_000 } } });
      const fn = jest.fn(async (_ctx: AttemptContext) => Promise.reject(new HttpError(503)));

      const first = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(100);
      const callsForFirst = fn.mock.calls.length;
      const second = track(pipeline.execute(fn));
      await jest.advanceTimersByTimeAsync(100);

      expect(first.error).toBeInstanceOf(HttpError);
      expect(second.error).toBeInstanceOf(HttpError);
      expect(callsForFirst).toBe(2);
      expect(fn).toHaveBeenCalledTimes(3);
      expect(observer.rejected).toHaveBeenCalledWith('library', 'call', 'budget_exhausted');
    });
  });
});
