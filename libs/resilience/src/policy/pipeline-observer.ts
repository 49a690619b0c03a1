import type { CircuitStateName, Outcome } from '../policy-options.interface';

export type RejectionKind = 'circuit_open' | 'rate_limited' | 'bulkhead_full' | 'budget_exhausted';

/**
 * What a pipeline reports. One subscriber (metrics + logs) implements it; the pipeline calls it
 * directly rather than through event emitters because it sits on every call's path.
 */
export interface PipelineObserver {
  callFinished(policy: string, operation: string, outcome: Outcome, seconds: number, error?: unknown): void;
  attempted(policy: string): void;
  /** `retryAfterMs` is set when the downstream asked for a delay; otherwise backoff chooses it. */
  retrying(policy: string, operation: string, attempt: number, retryAfterMs: number | undefined, error: unknown): void;
  rejected(policy: string, operation: string, reason: RejectionKind): void;
  circuitChanged(policy: string, state: CircuitStateName): void;
}

export const noopObserver: PipelineObserver = {
  callFinished: () => undefined,
  attempted: () => undefined,
  retrying: () => undefined,
  rejected: () => undefined,
  circuitChanged: () => undefined,
};
