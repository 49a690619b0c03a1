import { LatencyWindow } from './latency-window';
import { PeakEwma } from './peak-ewma';

/** One instance of a downstream (a pod, a host), with what the balancer and outlier ejection know of it. */
export class Instance {
  /** Attempts sent to it that have not answered yet. */
  outstanding = 0;
  /** Attempts sent to it since it joined. */
  requests = 0;
  /** 5xx answers and connect failures in a row. */
  consecutiveFailures = 0;
  /** How many times it has been ejected: each ejection lasts longer. */
  ejections = 0;
  /** `performance.now()` until which it receives no calls; 0 when it is in. */
  ejectedUntil = 0;
  /** It left discovery: it finishes its in-flight calls and takes no new ones. */
  draining = false;
  /** Its latency estimate, for the peak-EWMA balancer. */
  readonly latency = new PeakEwma();
  /** Its recent answered attempts' latencies, for the hedge delay. */
  readonly answered = new LatencyWindow();

  constructor(readonly url: string) {}

  isEjected(now: number): boolean {
    return this.ejectedUntil > now;
  }
}

export type InstanceState = 'healthy' | 'ejected' | 'draining';

export interface InstanceSnapshot {
  url: string;
  state: InstanceState;
  outstanding: number;
  requests: number;
  consecutiveFailures: number;
  ejections: number;
  /** The peak-EWMA latency estimate, rounded to 0.1 ms; absent until the instance has answered. */
  latencyMs?: number;
  /** Milliseconds until an ejected instance is back. */
  ejectedForMs?: number;
}
