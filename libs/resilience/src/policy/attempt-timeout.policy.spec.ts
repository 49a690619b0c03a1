import { AttemptTimeoutError } from '../errors/attempt-timeout.error';
import type { AttemptContext } from '../policy-options.interface';
import { AttemptTimeoutPolicy } from './attempt-timeout.policy';

/** An attempt that only ends when its signal aborts, as a transport destroying its socket would. */
const hanging = (ctx: AttemptContext) =>
  new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('socket hang up'))));

/** Starts `fn` as the pipeline does: in the context `start` gives, its promise handed to `watch`. */
function startAttempt<T>(
  policy: AttemptTimeoutPolicy,
  fn: (ctx: AttemptContext) => Promise<T>,
  attempt: number,
  outer: AbortSignal | undefined,
): Promise<T> {
  const ctx = policy.start(attempt, outer);
  return policy.watch(ctx, fn(ctx));
}

describe(AttemptTimeoutPolicy.name, () => {
  let policy: AttemptTimeoutPolicy;

  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => {
    policy.dispose();
    jest.clearAllTimers();
    jest.useRealTimers();
  });

  it('passes the value through and the attempt number in the context', async () => {
    policy = new AttemptTimeoutPolicy('library', 1_000);
    const fn = jest.fn(async (ctx: AttemptContext) => `attempt ${ctx.attempt}`);

    await expect(startAttempt(policy, fn, 2, undefined)).resolves.toBe('attempt 2');
    expect(fn.mock.calls[0][0].signal.aborted).toBe(false);
  });

  it('rejects with AttemptTimeoutError and aborts the signal with it (the transport error is hidden)', async () => {
    // slots are timeoutMs / 20 = 50 ms; an unaligned start shows expiry within [1000, 1100)
    jest.setSystemTime(30);
    policy = new AttemptTimeoutPolicy('library', 1_000);
    let signal!: AttemptContext['signal'];
    const run = startAttempt(
      policy,
      (ctx) => {
        signal = ctx.signal;
        return hanging(ctx);
      },
      0,
      undefined,
    ).catch((e: unknown) => e);

    await jest.advanceTimersByTimeAsync(999);
    const early = signal.aborted;
    await jest.advanceTimersByTimeAsync(101);
    const error = await run;

    expect(early).toBe(false);
    expect(error).toBeInstanceOf(AttemptTimeoutError);
    expect(error).toMatchObject({ policy: 'library', timeoutMs: 1_000 });
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(error);
  });

  it('keeps the attempt error when the attempt fails before the timeout', async () => {
    policy = new AttemptTimeoutPolicy('library', 1_000);

    const error = await startAttempt(policy, async () => Promise.reject(new RangeError('bad')), 0, undefined).catch(
      (e: unknown) => e,
    );
    await jest.advanceTimersByTimeAsync(2_000);

    expect(error).toBeInstanceOf(RangeError);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('forwards the caller abort to the attempt signal, and unhooks from the caller signal afterwards', async () => {
    policy = new AttemptTimeoutPolicy('library', 1_000);
    const controller = new AbortController();
    const remove = jest.spyOn(controller.signal, 'removeEventListener');
    const reason = new Error('client went away');
    let signal!: AttemptContext['signal'];

    const run = startAttempt(policy, (ctx) => ((signal = ctx.signal), hanging(ctx)), 0, controller.signal).catch(
      (e: unknown) => e,
    );
    controller.abort(reason);
    const error = await run;

    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(reason);
    expect(error).toEqual(new Error('socket hang up'));
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('hands an already aborted signal to an attempt whose caller signal is aborted', async () => {
    policy = new AttemptTimeoutPolicy('library', false);
    const controller = new AbortController();
    controller.abort('gone');
    const seen = jest.fn(async (ctx: AttemptContext) => ctx.signal.aborted);

    await expect(startAttempt(policy, seen, 0, controller.signal)).resolves.toBe(true);
  });

  it('never times out when disabled', async () => {
    policy = new AttemptTimeoutPolicy('library', false);
    let settled = false;
    void startAttempt(policy, hanging, 0, undefined).catch(() => (settled = true));

    await jest.advanceTimersByTimeAsync(60_000);

    expect(settled).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });
});
