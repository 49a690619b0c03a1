import {
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  SamplingBreaker,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { IDisposable } from 'cockatiel';
import { CircuitOpenError } from '../errors/circuit-open.error';
import { stackless } from '../errors/stackless';
import type { BreakerOptions, CircuitStateListener, CircuitStateName } from '../policy-options.interface';
import type { PipelineCircuit } from './pipeline-circuit.interface';

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'isolated',
};

/** While half-open the next answer is moments away; tell callers to come back soon. */
export const HALF_OPEN_RETRY_AFTER_MS = 1_000;

/**
 * cockatiel's breaker plus a fast path: while the circuit is open, calls are refused before they
 * enter the pipeline, with one pre-built error (cockatiel builds a BrokenCircuitError, with its stack
 * trace, per rejected call). The open deadline mirrors cockatiel's own: it is set on the break event
 * from the same halfOpenAfter, and cockatiel still decides the half-open transition itself.
 */
export class Circuit implements PipelineCircuit {
  readonly breaker: CircuitBreakerPolicy;
  readonly openError: CircuitOpenError;
  /** 0 when calls may pass; Infinity while isolated. */
  private openUntil = 0;
  private isolation: IDisposable | undefined;
  private readonly subscription: IDisposable;
  private readonly counts: ConsecutiveBreaker | SamplingBreaker;
  /** Set while reset() passes through cockatiel's Isolated state, which is no news to report. */
  private resetting = false;
  private readonly listeners = new Set<CircuitStateListener>();
  private last: CircuitStateName = 'closed';

  constructor(
    readonly policy: string,
    private readonly options: BreakerOptions,
    isFailure: (error: unknown) => boolean,
    onStateChange: (state: CircuitStateName) => void,
  ) {
    const breaker =
      options.kind === 'sampling'
        ? new SamplingBreaker({
            threshold: options.threshold,
            duration: options.samplingDurationMs,
            minimumRps: options.minimumRps,
          })
        : new ConsecutiveBreaker(options.threshold);
    this.counts = breaker;
    this.breaker = circuitBreaker(handleWhen(isFailure), { halfOpenAfter: options.halfOpenAfterMs, breaker });
    this.openError = stackless(() => new CircuitOpenError(policy, () => this.retryAfterMs()));
    this.subscription = this.breaker.onStateChange((state) => {
      if (this.resetting && state === CircuitState.Isolated) return;
      this.openUntil =
        state === CircuitState.Open
          ? Date.now() + options.halfOpenAfterMs
          : state === CircuitState.Isolated
            ? Infinity
            : 0;
      onStateChange(STATE_NAMES[state]);
      this.notify(STATE_NAMES[state]);
    });
  }

  /** Calls `listener(state, previous)` on every change; returns the unsubscribe function. */
  subscribe(listener: CircuitStateListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** True when a call would be refused right now; cheap enough to ask on every call. */
  rejects(): boolean {
    return this.openUntil !== 0 && Date.now() < this.openUntil;
  }

  get state(): CircuitStateName {
    return STATE_NAMES[this.breaker.state];
  }

  retryAfterMs(): number | undefined {
    if (this.openUntil === Infinity) return undefined;
    if (this.openUntil !== 0) return Math.max(this.openUntil - Date.now(), HALF_OPEN_RETRY_AFTER_MS);
    return this.breaker.state === CircuitState.HalfOpen ? HALF_OPEN_RETRY_AFTER_MS : undefined;
  }

  execute<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.breaker.execute(fn, signal);
  }

  /** Holds the circuit open until `reset()`, e.g. while a downstream is in maintenance. */
  async isolate(): Promise<void> {
    this.isolation ??= this.breaker.isolate();
  }

  /** Closes the circuit: ends an isolation, or forgets a trip. */
  async reset(): Promise<void> {
    this.counts.success(CircuitState.HalfOpen);
    if (this.isolation) {
      this.isolation.dispose();
      this.isolation = undefined;
      return;
    }
    if (this.breaker.state === CircuitState.Open || this.breaker.state === CircuitState.HalfOpen) {
      // cockatiel has no public reset; isolating and releasing moves it to Closed (the counts were
      // zeroed above, which cockatiel itself leaves at the threshold).
      this.resetting = true;
      try {
        this.breaker.isolate().dispose();
      } finally {
        this.resetting = false;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }

  private notify(state: CircuitStateName): void {
    const previous = this.last;
    this.last = state;
    for (const listener of this.listeners) {
      try {
        listener(state, previous);
      } catch {
        // A listener's failure must not fail the call whose outcome moved the breaker.
      }
    }
  }
}
