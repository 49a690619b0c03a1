import { BulkheadPolicy, RetryPolicy, bulkhead, handleWhen, retry } from 'cockatiel';
import { BulkheadFullError } from '../errors/bulkhead-full.error';
import { CallAbortedError } from '../errors/call-aborted.error';
import { PolicyRejectedError } from '../errors/policy-rejected.error';
import { stackless } from '../errors/stackless';
import type {
  AttemptContext,
  CircuitStateListener,
  CircuitStateName,
  ExecuteOptions,
  Outcome,
  PolicyOptions,
} from '../policy-options.interface';
import { guardWithSignal } from './abort-guard';
import { AttemptTimeoutPolicy } from './attempt-timeout.policy';
import { FleetCircuit } from '../fleet/fleet-circuit';
import type { FleetLink } from '../fleet/fleet-link';
import { FleetRateLimiter } from '../fleet/fleet-rate-limiter';
import { Circuit } from './circuit';
import type { PipelineCircuit } from './pipeline-circuit.interface';
import type { PipelineObserver } from './pipeline-observer';
import { RetryAfterBackoff } from './retry-after-backoff';
import { RetryBudget } from './retry-budget';
import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';
import type { RateLimiter } from './sliding-window-rate-limiter';

type Attempt<T> = (ctx: AttemptContext) => Promise<T>;

const isRejection = (error: unknown) => error instanceof PolicyRejectedError || error instanceof CallAbortedError;

/** Carries an error past cockatiel's retry predicate when we decided not to retry it. */
class NoRetry {
  constructor(readonly error: unknown) {}
}

/** Beyond the longest attempt, how long a half-open probe may hold the fleet's lease. */
const PROBE_LEASE_MARGIN_MS = 1_000;
/** The probe's lease when attempts have no timeout of their own. */
const DEFAULT_TIMEOUT_FOR_LEASE_MS = 30_000;

/** The last retryable failure of one call, for a CallAbortedError to carry. */
interface FailureHolder {
  last?: unknown;
}

export interface RateLimitUsage {
  limit: number;
  windowMs: number;
  /** Calls started (or reserved to start) within the last window. */
  used: number;
}

/**
 * One named policy: bulkhead → retry (with budget and Retry-After) → circuit breaker → sliding-window
 * rate limiter → per-attempt timeout → the call. Built once per name and shared by every caller, so
 * the breaker sees all traffic to its downstream. Given a fleet link (Redis), a consecutive breaker
 * and the rate limiter hold for every replica of the service instead of this process alone.
 */
export class ResiliencePipeline {
  private readonly bulkhead: BulkheadPolicy | undefined;
  private readonly retry: RetryPolicy | undefined;
  private readonly circuit: PipelineCircuit | undefined;
  private readonly limiter: RateLimiter | undefined;
  private readonly budget: RetryBudget | undefined;
  private readonly timeout: AttemptTimeoutPolicy;
  private readonly bulkheadError: BulkheadFullError;
  private readonly disposables: { dispose(): void }[] = [];
  private readonly maxRetries: number;

  constructor(
    readonly name: string,
    readonly options: PolicyOptions,
    private readonly observer: PipelineObserver,
    fleet?: FleetLink,
  ) {
    const { classifier } = options;
    this.timeout = new AttemptTimeoutPolicy(name, options.timeoutMs);
    this.bulkheadError = stackless(() => new BulkheadFullError(name));
    if (options.rateLimit) {
      const local = new SlidingWindowRateLimiter(name, options.rateLimit);
      this.limiter = fleet ? new FleetRateLimiter(name, options.rateLimit, fleet, local) : local;
    }
    this.bulkhead = options.bulkhead ? bulkhead(options.bulkhead.limit, options.bulkhead.queue) : undefined;
    this.maxRetries = options.retry ? options.retry.maxRetries : 0;
    if (options.breaker) {
      // A rejection by our own policies is no news about the downstream, except as a probe's answer;
      // but a downstream that kept an attempt past the caller's deadline failed to answer in time.
      const isFailure = (error: unknown) => {
        if (error instanceof CallAbortedError && error.inFlight && error.deadlineExceeded) return true;
        return isRejection(error) ? this.circuit?.state === 'half-open' : classifier.isFailure(error);
      };
      const onStateChange = (state: CircuitStateName) => observer.circuitChanged(name, state);
      // Only the consecutive breaker is shared: a sampling breaker's window stays per replica.
      this.circuit =
        fleet && options.breaker.kind === 'consecutive'
          ? new FleetCircuit(
              name,
              options.breaker,
              (options.timeoutMs || DEFAULT_TIMEOUT_FOR_LEASE_MS) + PROBE_LEASE_MARGIN_MS,
              isFailure,
              onStateChange,
              fleet,
            )
          : new Circuit(name, options.breaker, isFailure, onStateChange);
      this.disposables.push(this.circuit);
    }
    if (options.retry && options.retry.maxRetries > 0) {
      const { budget } = options.retry;
      this.budget = budget ? new RetryBudget(budget.ratio, budget.minPerSecond, budget.ttlMs) : undefined;
      this.retry = retry(
        handleWhen((error) => !(error instanceof NoRetry)),
        {
          maxAttempts: options.retry.maxRetries,
          backoff: new RetryAfterBackoff(options.retry, (error) => classifier.retryAfterMs(error)),
        },
      );
    }
  }

  get circuitState(): CircuitStateName {
    return this.circuit?.state ?? 'closed';
  }

  get hasCircuit(): boolean {
    return this.circuit !== undefined;
  }

  /** How long until the circuit lets calls through again, if it is refusing them. */
  circuitRetryAfterMs(): number | undefined {
    return this.circuit?.retryAfterMs();
  }

  /** The rate limiter's window and how many of its slots calls hold now; undefined without a limit. */
  rateLimitUsage(): RateLimitUsage | undefined {
    if (!this.limiter || !this.options.rateLimit) return undefined;
    const { limit, windowMs } = this.options.rateLimit;
    return { limit, windowMs, used: limit - this.limiter.available() };
  }

  /**
   * Takes one extra attempt from the retry budget for a hedged request, so hedges and retries
   * together never add more than the budget's share of load. False without retries or budget left.
   */
  tryHedge(operation = 'call'): boolean {
    if (!this.retry) return false;
    if (!this.budget || this.budget.tryWithdraw()) return true;
    this.observer.rejected(this.name, operation, 'budget_exhausted');
    return false;
  }

  /** Calls `listener(state, previous)` whenever this policy's circuit changes state. */
  onCircuitStateChange(listener: CircuitStateListener): () => void {
    return this.circuit ? this.circuit.subscribe(listener) : () => undefined;
  }

  /** Closes the circuit (for the whole fleet when its state is shared). */
  async resetCircuit(): Promise<void> {
    await this.circuit?.reset();
  }

  /** Holds the circuit open until reset (for the whole fleet when its state is shared). */
  async isolateCircuit(): Promise<void> {
    await this.circuit?.isolate();
  }

  execute<T>(fn: Attempt<T>, opts: ExecuteOptions = {}): Promise<T> {
    const operation = opts.operation ?? 'call';
    if (this.circuit?.rejects()) {
      this.observer.rejected(this.name, operation, 'circuit_open');
      this.observer.callFinished(this.name, operation, 'rejected', 0);
      return Promise.reject(this.circuit.openError);
    }
    const started = performance.now();
    const { signal } = opts;
    // Only a call with a deadline can end between retries, so only it pays for the holder.
    const failures: FailureHolder | undefined = signal ? {} : undefined;
    let work = signal?.aborted
      ? Promise.reject(new CallAbortedError(this.name, signal.reason))
      : this.guarded(fn, operation, signal, opts.retryable !== false, failures);
    if (signal && !signal.aborted)
      work = guardWithSignal(work, signal, () => new CallAbortedError(this.name, signal.reason, failures?.last));
    return work.then(
      (value) => {
        const outcome = this.options.classifier.valueOutcome?.(value) ?? 'success';
        this.observer.callFinished(this.name, operation, outcome, (performance.now() - started) / 1000);
        return value;
      },
      (error: unknown) => {
        const outcome = this.outcomeOf(error);
        if (error instanceof PolicyRejectedError) this.observer.rejected(this.name, operation, error.reason);
        this.observer.callFinished(this.name, operation, outcome, (performance.now() - started) / 1000, error);
        throw error;
      },
    );
  }

  dispose(): void {
    this.timeout.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private guarded<T>(
    fn: Attempt<T>,
    operation: string,
    signal: AbortSignal | undefined,
    retryable: boolean,
    failures: FailureHolder | undefined,
  ): Promise<T> {
    const run =
      retryable && this.retry
        ? () => this.withRetry(fn, operation, signal, failures)
        : () => this.attempt(fn, 0, signal);
    if (!this.bulkhead) return run();
    const bh = this.bulkhead;
    if (bh.executionSlots === 0 && bh.queueSlots === 0) return Promise.reject(this.bulkheadError);
    return bh.execute(run, signal);
  }

  private withRetry<T>(
    fn: Attempt<T>,
    operation: string,
    signal: AbortSignal | undefined,
    failures: FailureHolder | undefined,
  ): Promise<T> {
    this.budget?.recordCall();
    const { classifier } = this.options;
    const retryOptions = this.options.retry as Exclude<PolicyOptions['retry'], false>;
    const policy = this.retry as RetryPolicy;
    return policy
      .execute(({ attempt }) => {
        if (signal?.aborted) return Promise.reject(new NoRetry(new CallAbortedError(this.name, signal.reason)));
        return this.attempt(fn, attempt, signal).catch((error: unknown) => {
          if (attempt >= this.maxRetries || signal?.aborted || isRejection(error) || !classifier.isRetryable(error)) {
            throw new NoRetry(error);
          }
          const asked = classifier.retryAfterMs(error);
          if (asked !== undefined && asked > retryOptions.retryAfterCapMs) throw new NoRetry(error);
          if (this.budget && !this.budget.tryWithdraw()) {
            this.observer.rejected(this.name, operation, 'budget_exhausted');
            throw new NoRetry(error);
          }
          this.observer.retrying(this.name, operation, attempt + 1, asked, error);
          if (failures) failures.last = error;
          throw error;
        });
      }, signal)
      .catch((error: unknown) => {
        throw error instanceof NoRetry ? error.error : error;
      });
  }

  /** One attempt through the circuit, the rate limiter and the attempt's timeout, in that order. */
  private attempt<T>(fn: Attempt<T>, attempt: number, signal: AbortSignal | undefined): Promise<T> {
    const circuit = this.circuit;
    if (!circuit) return this.limited(fn, attempt, signal);
    const pass = circuit.admit(signal);
    return pass instanceof Promise
      ? pass.then((admitted) => circuit.settle(admitted, this.limited(fn, attempt, signal)))
      : circuit.settle(pass, this.limited(fn, attempt, signal));
  }

  private limited<T>(fn: Attempt<T>, attempt: number, signal: AbortSignal | undefined): Promise<T> {
    const wait = this.limiter?.acquire(signal, () => new CallAbortedError(this.name, signal?.reason));
    return wait ? wait.then(() => this.timed(fn, attempt, signal)) : this.timed(fn, attempt, signal);
  }

  private timed<T>(fn: Attempt<T>, attempt: number, signal: AbortSignal | undefined): Promise<T> {
    this.observer.attempted(this.name);
    const ctx = this.timeout.start(attempt, signal);
    let started: Promise<T>;
    try {
      started = fn(ctx);
    } catch (error) {
      // A throw before the attempt's promise exists must still reach the breaker and the retry.
      started = Promise.reject(error);
    }
    const run = this.timeout.watch(ctx, started);
    if (!signal) return run;
    // A request our caller cancelled is not the downstream's fault, and stays out of the breaker;
    // one whose deadline passed while the downstream kept it waiting counts as a timeout.
    return run.catch((error: unknown) => {
      throw signal.aborted ? new CallAbortedError(this.name, signal.reason, undefined, true) : error;
    });
  }

  private outcomeOf(error: unknown): Outcome {
    if (error instanceof CallAbortedError) return error.deadlineExceeded ? 'timeout' : 'rejected';
    if (error instanceof PolicyRejectedError) return 'rejected';
    return this.options.classifier.outcome(error);
  }
}
