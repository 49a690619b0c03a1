import type { Instance } from '../balancing/instance';
import type { SignalLike } from './attempt-span';

/** Below this, a p95-based hedge delay would hedge calls that are merely normal. */
const MIN_HEDGE_DELAY_MS = 5;
/** Answered attempts an instance needs before its p95 means anything. */
const MIN_ANSWERS_FOR_P95 = 20;
/** The p95 sorts each instance's window: at most this often, not per call. */
const REFRESH_MS = 100;

/**
 * The hedge delay: fixed, or `p95`, the p95 of a typical instance's answered attempts (none until
 * one has enough answers). Per attempt and per instance, not per call: a call's duration includes
 * its own hedge, and a p95 over the fleet includes the slow instance hedging exists to route around,
 * so either would raise the delay exactly when it should stay put. "Typical" is the median of the
 * instances' p95s (the higher one of two), so fewer than half of them being slow does not move it.
 */
export class HedgeDelay {
  private readAt = -Infinity;
  private p95: number | undefined;

  constructor(
    private readonly setting: number | 'p95',
    private readonly instances: () => readonly Instance[],
    private readonly now: () => number = () => performance.now(),
  ) {}

  ms(): number | undefined {
    if (this.setting !== 'p95') return this.setting;
    const now = this.now();
    // Until some instance has enough answers the check is a few counter reads: do it every call.
    if (this.p95 === undefined || now - this.readAt >= REFRESH_MS) {
      this.readAt = now;
      this.p95 = typicalP95(this.instances());
    }
    return this.p95;
  }
}

function typicalP95(instances: readonly Instance[]): number | undefined {
  const p95s: number[] = [];
  for (const instance of instances) {
    if (instance.answered.samples < MIN_ANSWERS_FOR_P95) continue;
    const p95 = instance.answered.quantile(0.95);
    if (p95 !== undefined) p95s.push(p95);
  }
  if (p95s.length === 0) return undefined;
  p95s.sort((a, b) => a - b);
  return Math.max(MIN_HEDGE_DELAY_MS, p95s[Math.floor(p95s.length / 2)]);
}

/** Why a hedged call's other leg is cancelled: it lost, which says nothing bad about its instance. */
export class HedgeLostError extends Error {
  constructor() {
    super('another leg of the hedged call answered first');
    this.name = 'HedgeLostError';
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
          for (const other of legs) if (other !== controller) other.abort(new HedgeLostError());
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
    const hedge = () => {
      if (done) return;
      const target = hedgeTarget();
      if (!target) return;
      observe('sent');
      launch(target);
    };
    // Timers run before the loop reads sockets: after a stall (GC, a busy loop) the first leg's
    // answer may be waiting unread. setImmediate runs after that read, so such a leg wins, and
    // only a leg that is really late is hedged.
    timer = setTimeout(() => {
      timer = undefined;
      if (!done) setImmediate(hedge);
    }, delayMs);
  });
}

/**
 * A hedged attempt: the first leg on `first`; if it has not answered after the hedge delay and the
 * retry budget allows, a second leg on another instance (see `hedgedAttempt`). While there is no
 * delay yet (`p95` before enough answers) it is the one plain attempt, on the attempt's own signal.
 */
export function hedged<T>(
  first: Instance,
  signal: SignalLike,
  delay: HedgeDelay,
  attempt: (instance: Instance, signal: SignalLike) => Promise<T>,
  { hedgeTarget, observe }: Pick<HedgedAttemptOptions<T>, 'hedgeTarget' | 'observe'>,
): Promise<T> {
  const delayMs = delay.ms();
  if (delayMs === undefined) return attempt(first, signal);
  return hedgedAttempt({
    parent: signal as AbortSignal | undefined,
    delayMs,
    leg: (legSignal, instance) => attempt(instance ?? first, legSignal),
    hedgeTarget,
    observe,
  });
}
