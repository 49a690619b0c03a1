import { CircuitState, ConsecutiveBreaker, SamplingBreaker } from 'cockatiel';
import { CircuitOpenError } from '../errors/circuit-open.error';
import { stackless } from '../errors/stackless';
import type { BreakerOptions, CircuitStateListener, CircuitStateName } from '../policy-options.interface';
import { guardWithSignal } from './abort-guard';
import type { CircuitPass, PipelineCircuit } from './pipeline-circuit.interface';

/** While half-open the next answer is moments away; tell callers to come back soon. */
export const HALF_OPEN_RETRY_AFTER_MS = 1_000;

/** A half-open circuit's one probe: the calls that arrive while it is in flight wait for `done`. */
export class CircuitProbe {
  release!: () => void;
  readonly done = new Promise<void>((resolve) => (this.release = resolve));
}

/**
 * A circuit breaker for this replica alone: cockatiel's breakers (`ConsecutiveBreaker`,
 * `SamplingBreaker`) decide when failures are enough to open it, and this class holds the state
 * around them as cockatiel's `CircuitBreakerPolicy` does: open for `halfOpenAfterMs`, then one probe,
 * whose answer closes or re-opens it, while the calls that arrive during the probe wait for it.
 *
 * It is a gate rather than a wrapper (`admit`, then `settle`), so the pipeline starts each attempt
 * itself; and a refused call gets one pre-built error (cockatiel builds a BrokenCircuitError, with
 * its stack trace, per rejected call).
 */
export class Circuit implements PipelineCircuit {
  readonly openError: CircuitOpenError;
  private mode: CircuitStateName = 'closed';
  /** 0 when calls may pass; Infinity while isolated. */
  private openUntil = 0;
  private probe: CircuitProbe | undefined;
  private readonly counts: ConsecutiveBreaker | SamplingBreaker;
  private readonly listeners = new Set<CircuitStateListener>();
  private disposed = false;

  constructor(
    readonly policy: string,
    private readonly options: BreakerOptions,
    private readonly isFailure: (error: unknown) => boolean,
    private readonly onStateChange: (state: CircuitStateName) => void,
  ) {
    this.counts =
      options.kind === 'sampling'
        ? new SamplingBreaker({
            threshold: options.threshold,
            duration: options.samplingDurationMs,
            minimumRps: options.minimumRps,
          })
        : new ConsecutiveBreaker(options.threshold);
    this.openError = stackless(() => new CircuitOpenError(policy, () => this.retryAfterMs()));
  }

  get state(): CircuitStateName {
    return this.mode;
  }

  /** True when a call would be refused right now; cheap enough to ask on every call. */
  rejects(): boolean {
    return this.openUntil !== 0 && Date.now() < this.openUntil;
  }

  retryAfterMs(): number | undefined {
    if (this.openUntil === Infinity) return undefined;
    if (this.openUntil !== 0) return Math.max(this.openUntil - Date.now(), HALF_OPEN_RETRY_AFTER_MS);
    return this.mode === 'half-open' ? HALF_OPEN_RETRY_AFTER_MS : undefined;
  }

  admit(signal?: AbortSignal): CircuitPass | Promise<CircuitPass> {
    switch (this.mode) {
      case 'closed':
        return 'call';
      case 'half-open': {
        const { done } = this.probe as CircuitProbe;
        return (signal ? guardWithSignal(done, signal, () => this.openError) : done).then(() => this.admit(signal));
      }
      case 'open': {
        if (this.rejects()) return Promise.reject(this.openError);
        const probe = (this.probe = new CircuitProbe());
        this.enter('half-open');
        return probe;
      }
      default:
        return Promise.reject(this.openError);
    }
  }

  settle<T>(pass: CircuitPass, work: Promise<T>): Promise<T> {
    return pass === 'call'
      ? work.then(this.succeeded as (value: T) => T, this.failed)
      : work.then(
          (value) => {
            this.probed(pass, true);
            return value;
          },
          (error: unknown) => {
            // An error that is no failure (a 4xx, say) still shows the downstream answering.
            this.probed(pass, !this.isFailure(error));
            throw error;
          },
        );
  }

  /** Calls `listener(state, previous)` on every change; returns the unsubscribe function. */
  subscribe(listener: CircuitStateListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Holds the circuit open until `reset()`, e.g. while a downstream is in maintenance. */
  async isolate(): Promise<void> {
    this.openUntil = Infinity;
    this.enter('isolated');
    this.endProbe();
  }

  /** Closes the circuit: ends an isolation, or forgets a trip and the failures counted so far. */
  async reset(): Promise<void> {
    this.counts.success(CircuitState.HalfOpen);
    this.close();
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  // Pre-bound: these run on every call while the circuit is closed.
  private readonly succeeded = <T>(value: T): T => {
    this.counts.success(CircuitState.Closed);
    return value;
  };

  private readonly failed = (error: unknown): never => {
    // A late answer to a call let through before the circuit opened is counted, but opens nothing new.
    if (this.isFailure(error) && this.counts.failure(CircuitState.Closed) && this.mode === 'closed') this.open();
    throw error;
  };

  /** The probe's answer decides, unless an operator's reset or isolate got there first. */
  private probed(probe: CircuitProbe, succeeded: boolean): void {
    if (probe !== this.probe) return;
    if (succeeded) {
      this.counts.success(CircuitState.HalfOpen);
      this.close();
    } else {
      this.counts.failure(CircuitState.HalfOpen);
      this.open();
      this.endProbe();
    }
  }

  /** Lets the calls waiting on the probe ask again. */
  private endProbe(): void {
    this.probe?.release();
    this.probe = undefined;
  }

  private open(): void {
    this.openUntil = Date.now() + this.options.halfOpenAfterMs;
    this.enter('open');
  }

  private close(): void {
    this.openUntil = 0;
    this.enter('closed');
    this.endProbe();
  }

  private enter(state: CircuitStateName): void {
    const previous = this.mode;
    if (state === previous) return;
    this.mode = state;
    if (this.disposed) return;
    this.onStateChange(state);
    for (const listener of this.listeners) {
      try {
        listener(state, previous);
      } catch {
        // A listener's failure must not fail the call whose outcome moved the breaker.
      }
    }
  }
}
