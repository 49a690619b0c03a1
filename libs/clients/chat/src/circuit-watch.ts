import type { CircuitState, CircuitStateListener } from './chat.types';

/**
 * Turns a polled circuit state into change callbacks. clients-core exposes the breaker's state but no
 * subscription, so the client samples it after every call it makes: a change is reported on the call
 * that caused or observed it (an open circuit turning half-open is seen on the next call).
 */
export class CircuitWatch {
  private readonly listeners = new Set<CircuitStateListener>();
  private last: CircuitState;

  constructor(private readonly read: () => CircuitState) {
    this.last = read();
  }

  subscribe(listener: CircuitStateListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  sample(): void {
    const state = this.read();
    if (state === this.last) return;
    const previous = this.last;
    this.last = state;
    for (const listener of this.listeners) {
      try {
        listener(state, previous);
      } catch {
        // A listener's failure must not fail the call that happened to observe the change.
      }
    }
  }
}
