import type { CircuitOpenError } from '../errors/circuit-open.error';
import type { CircuitStateListener, CircuitStateName } from '../policy-options.interface';
import type { CircuitProbe } from './circuit';

/** What a circuit lets through: an ordinary call, or the one probe of a half-open circuit. */
export type CircuitPass = 'call' | CircuitProbe;

/**
 * What the pipeline needs of a circuit breaker: an in-process one (`Circuit`) or one whose state the
 * whole fleet shares (`FleetCircuit`). A gate, not a wrapper: the pipeline asks `admit`, starts the
 * attempt itself and hands it to `settle`, so a reader follows one call without entering the breaker.
 */
export interface PipelineCircuit {
  /** The one error every refused call gets. */
  readonly openError: CircuitOpenError;
  readonly state: CircuitStateName;
  /** True when a call would be refused right now; asked on every call, so it must stay cheap. */
  rejects(): boolean;
  /** How long until the circuit lets calls through again, if it is refusing them. */
  retryAfterMs(): number | undefined;
  /**
   * Lets one attempt through: at once while closed (no promise on that path); once the probe in
   * flight has its answer while half-open; rejects with `openError` while refusing calls.
   */
  admit(signal?: AbortSignal): CircuitPass | Promise<CircuitPass>;
  /** Counts how the attempt `admit` let through ended, and returns it as it ended. */
  settle<T>(pass: CircuitPass, work: Promise<T>): Promise<T>;
  subscribe(listener: CircuitStateListener): () => void;
  /** Holds the circuit open until `reset()`. */
  isolate(): Promise<void>;
  /** Closes the circuit: ends an isolation, or forgets a trip. */
  reset(): Promise<void>;
  dispose(): void;
}
