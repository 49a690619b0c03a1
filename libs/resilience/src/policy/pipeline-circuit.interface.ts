import type { CircuitOpenError } from '../errors/circuit-open.error';
import type { CircuitStateListener, CircuitStateName } from '../policy-options.interface';

/**
 * What the pipeline needs of a circuit breaker: an in-process one (cockatiel's, `Circuit`) or one
 * whose state the whole fleet shares (`FleetCircuit`).
 */
export interface PipelineCircuit {
  /** The one error every refused call gets. */
  readonly openError: CircuitOpenError;
  readonly state: CircuitStateName;
  /** True when a call would be refused right now; asked on every call, so it must stay cheap. */
  rejects(): boolean;
  /** How long until the circuit lets calls through again, if it is refusing them. */
  retryAfterMs(): number | undefined;
  /** Runs one attempt through the breaker, which counts its outcome. */
  execute<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  subscribe(listener: CircuitStateListener): () => void;
  /** Holds the circuit open until `reset()`. */
  isolate(): Promise<void>;
  /** Closes the circuit: ends an isolation, or forgets a trip. */
  reset(): Promise<void>;
  dispose(): void;
}
