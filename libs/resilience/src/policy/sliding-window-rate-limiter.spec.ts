import { CallAbortedError } from '../errors/call-aborted.error';
import { RateLimitedError } from '../errors/rate-limited.error';
import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';

const onAbort = () => new CallAbortedError('library');

describe(SlidingWindowRateLimiter.name, () => {
  describe('with a fake clock', () => {
    let now: number;
    const clock = () => now;
    // Async so that a refusal reads the same whether acquire() throws or returns a rejected promise.
    const tryAcquire = async (limiter: SlidingWindowRateLimiter) => limiter.acquire(undefined, onAbort);

    beforeEach(() => {
      now = 10_000;
    });

    it('lets `limit` calls start at once without handing out a promise', () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 3, windowMs: 1_000, maxWaitMs: 0 }, clock);

      const results = [
        limiter.acquire(undefined, onAbort),
        limiter.acquire(undefined, onAbort),
        limiter.acquire(undefined, onAbort),
      ];

      expect(results).toEqual([undefined, undefined, undefined]);
      expect(limiter.available()).toBe(0);
    });

    it('refuses the next call with the wait until the oldest start leaves the window', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 2, windowMs: 1_000, maxWaitMs: 0 }, clock);
      limiter.acquire(undefined, onAbort);
      now += 300;
      limiter.acquire(undefined, onAbort);

      now += 100;
      const refused = await tryAcquire(limiter).catch((e: unknown) => e);

      expect(refused).toBeInstanceOf(RateLimitedError);
      expect(refused).toMatchObject({ policy: 'library', reason: 'rate_limited', retryAfterMs: 600 });
    });

    it('is exact: a start leaves the window exactly windowMs later, not a millisecond sooner', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 1, windowMs: 1_000, maxWaitMs: 0 }, clock);
      limiter.acquire(undefined, onAbort);

      now += 999;
      const early = await tryAcquire(limiter).catch((e: unknown) => e);
      now += 1;
      const onTime = await tryAcquire(limiter);

      expect(early).toBeInstanceOf(RateLimitedError);
      expect((early as RateLimitedError).retryAfterMs).toBe(1);
      expect(onTime).toBeUndefined();
    });

    it('slides: the window follows each start rather than resetting on fixed boundaries', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 3, windowMs: 1_000, maxWaitMs: 0 }, clock);
      for (const at of [0, 400, 800]) {
        now = 10_000 + at;
        limiter.acquire(undefined, onAbort);
      }

      now = 11_000;
      const afterFirstLeft = await tryAcquire(limiter);
      now = 11_100;
      const stillFull = await tryAcquire(limiter).catch((e: unknown) => e);

      expect(afterFirstLeft).toBeUndefined();
      expect((stillFull as RateLimitedError).retryAfterMs).toBe(300);
    });

    it('does not spend a slot on a refused call', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 1, windowMs: 1_000, maxWaitMs: 0 }, clock);
      limiter.acquire(undefined, onAbort);
      now += 500;
      await tryAcquire(limiter).catch(() => undefined);
      await tryAcquire(limiter).catch(() => undefined);

      now += 500;

      await expect(tryAcquire(limiter)).resolves.toBeUndefined();
    });

    it('counts available() as the calls that could start now', () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 3, windowMs: 1_000, maxWaitMs: 0 }, clock);
      expect(limiter.available()).toBe(3);

      limiter.acquire(undefined, onAbort);
      now += 600;
      limiter.acquire(undefined, onAbort);
      expect(limiter.available()).toBe(1);

      now += 400;
      expect(limiter.available()).toBe(2);
      now += 600;
      expect(limiter.available()).toBe(3);
    });

    it('accepts a wait of exactly maxWaitMs and refuses a longer one', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 1, windowMs: 1_000, maxWaitMs: 400 }, clock);
      limiter.acquire(undefined, onAbort);

      now += 599;
      const tooLong = await tryAcquire(limiter).catch((e: unknown) => e);
      now += 1;
      const wait = limiter.acquire(undefined, onAbort);

      expect(tooLong).toBeInstanceOf(RateLimitedError);
      expect((tooLong as RateLimitedError).retryAfterMs).toBe(401);
      expect(wait).toBeInstanceOf(Promise);
      wait?.catch(() => undefined);
    });
  });

  describe('with fake timers', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: 50_000 });
    });
    afterEach(() => {
      jest.clearAllTimers();
      jest.useRealTimers();
    });

    it('reserves future slots first come, first served', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 1, windowMs: 1_000, maxWaitMs: 5_000 }, () =>
        Date.now(),
      );
      const started: string[] = [];
      limiter.acquire(undefined, onAbort);

      void limiter.acquire(undefined, onAbort)!.then(() => started.push(`b@${Date.now() - 50_000}`));
      void limiter.acquire(undefined, onAbort)!.then(() => started.push(`c@${Date.now() - 50_000}`));
      await jest.advanceTimersByTimeAsync(999);
      const beforeWindow = [...started];
      await jest.advanceTimersByTimeAsync(1);
      const afterOne = [...started];
      expect(limiter.available()).toBe(0);
      await jest.advanceTimersByTimeAsync(1_000);

      expect(beforeWindow).toEqual([]);
      expect(afterOne).toEqual(['b@1000']);
      expect(started).toEqual(['b@1000', 'c@2000']);
    });

    it('ends a wait with the abort error when the signal aborts', async () => {
      const limiter = new SlidingWindowRateLimiter('library', { limit: 1, windowMs: 1_000, maxWaitMs: 5_000 }, () =>
        Date.now(),
      );
      const controller = new AbortController();
      limiter.acquire(undefined, onAbort);

      const wait = limiter.acquire(controller.signal, onAbort)!;
      const settled = wait.catch((e: unknown) => e);
      await jest.advanceTimersByTimeAsync(100);
      controller.abort();

      await expect(settled).resolves.toBeInstanceOf(CallAbortedError);
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
