import type { CallStats } from '../health/call-stats';
import type { Instance } from '../balancing/instance';

/** Below this, a p95-based hedge delay would hedge calls that are merely normal. */
const MIN_HEDGE_DELAY_MS = 5;
/** Recent calls the p95 needs before it means anything. */
const MIN_CALLS_FOR_P95 = 20;

/** The hedge delay: fixed, or the p95 of recent calls (none until enough calls have been seen). */
export class HedgeDelay {
  private readAt = -Infinity;
  private p95: number | undefined;

  constructor(
    private readonly setting: number | 'p95',
    private readonly stats: CallStats,
  ) {}

  ms(): number | undefined {
    if (this.setting !== 'p95') return this.setting;
    // The p95 sorts the recent calls: do it at most every 100 ms, not per call.
    const now = performance.now();
    if (now - this.readAt > 100) {
      const { calls, p95Ms } = this.stats.snapshot();
      this.readAt = now;
      this.p95 = calls < MIN_CALLS_FOR_P95 || p95Ms === null ? undefined : Math.max(MIN_HEDGE_DELAY_MS, p95Ms);
    }
    return this.p95;
  }
}

export interface HedgedAttemptOptions<T> {
  /** The attempt's own signal (its timeout, the request's deadline): it cancels both legs. */
  parent: AbortSignal | undefined;
  delayMs: number;
  /** Runs one leg; `instance` is undefined for the first leg (the caller already chose it). */
  leg: (signal: AbortSignal, instance?: Instance) => Promise<T>;
  /** Where the hedge goes, or undefined when it may not be sent (no budget left). */
  hedgeTarget: () => Instance | undefined;
  observe: (result: 'sent' | 'won') => void;
}

/**
 * Runs the first leg; if it has not answered after `delayMs`, a second on another instance. The
 * first answer wins and the other leg is cancelled; a leg that fails leaves the other to answer,
 * and the last failure is the attempt's.
 */
export function hedgedAttempt<T>({ parent, delayMs, leg, hedgeTarget, observe }: HedgedAttemptOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const legs: AbortController[] = [];
    let pending = 0;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const onParentAbort = () => {
      for (const controller of legs) controller.abort(parent?.reason);
    };
    const finish = () => {
      done = true;
      if (timer) clearTimeout(timer);
      parent?.removeEventListener?.('abort', onParentAbort);
    };
    parent?.addEventListener?.('abort', onParentAbort);
    const launch = (instance: Instance | undefined) => {
      const controller = new AbortController();
      if (parent?.aborted) controller.abort(parent.reason);
      legs.push(controller);
      pending++;
      leg(controller.signal, instance).then(
        (answer) => {
          pending--;
          if (done) return;
          finish();
          if (instance) observe('won');
          for (const other of legs) if (other !== controller) other.abort(new Error('another hedged attempt answered first'));
          resolve(answer);
        },
        (error: unknown) => {
          pending--;
          if (done || pending > 0) return;
          finish();
          reject(error);
        },
      );
    };
    launch(undefined);
    timer = setTimeout(() => {
      timer = undefined;
      if (done) return;
      const target = hedgeTarget();
      if (!target) return;
      observe('sent');
      launch(target);
    }, delayMs);
  });
}
