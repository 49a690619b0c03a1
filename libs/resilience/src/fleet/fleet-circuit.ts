import { randomUUID } from 'node:crypto';
import { CircuitOpenError } from '../errors/circuit-open.error';
import { stackless } from '../errors/stackless';
import type { CircuitStateListener, CircuitStateName, ConsecutiveBreakerOptions } from '../policy-options.interface';
import { guardWithSignal } from '../policy/abort-guard';
import { CircuitProbe, HALF_OPEN_RETRY_AFTER_MS } from '../policy/circuit';
import type { CircuitPass, PipelineCircuit } from '../policy/pipeline-circuit.interface';
import type { FleetLink, FleetMember, FleetMessage } from './fleet-link';

type Mode = 'closed' | 'open' | 'isolated';
/** A script's answer: `[state, remainingMs, failures]`; state `probe` means "you probe". */
type Answer = [string, number, number];

/** Keys outlive any open period many times over, and vanish once a downstream is long forgotten. */
const MIN_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A consecutive-failure circuit breaker whose state the whole fleet shares through Redis
 * (cockatiel#89, opossum#675 ask for one; neither has it):
 *
 * - failures are counted in Redis, so `threshold` in a row from any mix of replicas open the circuit;
 * - a change is published to every replica (pub/sub), which mirrors it in process: the open-circuit
 *   fast path and a closed, healthy circuit never touch Redis — a success only resets the shared
 *   count when some replica has reported a failure since the last reset;
 * - after the half-open delay, one replica in the fleet wins a lease in Redis and sends the one probe;
 *   its answer closes or re-opens the circuit everywhere;
 * - admin reset and isolate write the shared state, so they act on the fleet.
 *
 * When Redis fails, the same state machine runs on the in-process mirror (this replica's own count
 * and probe), and rejoins the shared state once the link is back.
 */
export class FleetCircuit implements PipelineCircuit, FleetMember {
  readonly openError: CircuitOpenError;
  private mode: Mode = 'closed';
  /** 0 when calls may pass; Infinity while isolated. */
  private openUntil = 0;
  private probing = false;
  /** This replica's probe in flight; its other calls wait for the answer, as with `Circuit`. */
  private probe: CircuitProbe | undefined;
  /** The fleet's failure count may be above zero: the next success must reset it. */
  private dirty = false;
  /** Consecutive failures seen here while Redis is unavailable. */
  private localFailures = 0;
  private last: CircuitStateName = 'closed';
  private readonly listeners = new Set<CircuitStateListener>();
  private readonly token = randomUUID();
  private readonly keys: [string, string];
  private readonly ttlMs: number;

  constructor(
    readonly policy: string,
    private readonly options: ConsecutiveBreakerOptions,
    /** How long one probe may hold the fleet's lease: longer than an attempt may take. */
    private readonly probeLeaseMs: number,
    private readonly isFailure: (error: unknown) => boolean,
    private readonly onStateChange: (state: CircuitStateName) => void,
    private readonly link: FleetLink,
  ) {
    this.openError = stackless(() => new CircuitOpenError(policy, () => this.retryAfterMs()));
    const circuit = link.key(policy, 'circuit');
    this.keys = [circuit, `${circuit}:probe`];
    this.ttlMs = Math.max(MIN_KEY_TTL_MS, options.halfOpenAfterMs * 4);
    link.register(policy, this);
  }

  get state(): CircuitStateName {
    return this.probing ? 'half-open' : this.mode;
  }

  rejects(): boolean {
    return this.openUntil !== 0 && Date.now() < this.openUntil;
  }

  retryAfterMs(): number | undefined {
    if (this.openUntil === Infinity) return undefined;
    if (this.openUntil !== 0) return Math.max(this.openUntil - Date.now(), HALF_OPEN_RETRY_AFTER_MS);
    return this.probing ? HALF_OPEN_RETRY_AFTER_MS : undefined;
  }

  admit(signal?: AbortSignal): CircuitPass | Promise<CircuitPass> {
    return this.mode === 'closed' ? 'call' : this.enterProbe(signal);
  }

  settle<T>(pass: CircuitPass, work: Promise<T>): Promise<T> {
    // One `.then` with pre-bound handlers: this is every call's path while the circuit is closed.
    if (pass === 'call') return work.then(this.succeededHere as (value: T) => T, this.failedHere);
    return work.then(
      async (value) => {
        await this.probed(pass, true);
        return value;
      },
      async (error: unknown) => {
        await this.probed(pass, !this.isFailure(error));
        throw error;
      },
    );
  }

  private readonly succeededHere = <T>(value: T): T => {
    this.localFailures = 0;
    if (this.dirty) void this.succeeded();
    return value;
  };

  private readonly failedHere = async (error: unknown): Promise<never> => {
    if (this.isFailure(error)) await this.failed();
    throw error;
  };

  subscribe(listener: CircuitStateListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async isolate(): Promise<void> {
    this.apply(
      ((await this.link.run('circuitSet', this.keys, ['isolated', this.ttlMs, this.link.channel, this.policy])) as
        | Answer
        | undefined) ?? ['isolated', 0, 0],
    );
  }

  async reset(): Promise<void> {
    this.localFailures = 0;
    this.apply(
      ((await this.link.run('circuitSet', this.keys, ['closed', this.ttlMs, this.link.channel, this.policy])) as
        | Answer
        | undefined) ?? ['closed', 0, 0],
    );
  }

  receive(message: FleetMessage): void {
    this.apply([message.state, message.remainingMs, message.failures]);
  }

  async resync(): Promise<void> {
    this.localFailures = 0;
    const answer = await this.link.run('circuitRead', [this.keys[0]], []);
    if (answer) this.apply(answer as Answer);
  }

  dispose(): void {
    this.listeners.clear();
  }

  private async failed(): Promise<void> {
    const answer = await this.link.run(
      'circuitFailure',
      [this.keys[0]],
      [this.options.threshold, this.options.halfOpenAfterMs, this.ttlMs, this.link.channel, this.policy],
    );
    if (answer) return this.apply(answer as Answer);
    if (this.mode === 'closed' && ++this.localFailures >= this.options.threshold)
      this.apply(['open', this.options.halfOpenAfterMs, 0]);
  }

  private async succeeded(): Promise<void> {
    this.dirty = false;
    const answer = await this.link.run('circuitSuccess', [this.keys[0]], [this.link.channel, this.policy]);
    if (answer) this.apply(answer as Answer);
  }

  /** Open past its deadline: this call probes if it wins the fleet's lease, else it is refused. */
  private async enterProbe(signal: AbortSignal | undefined): Promise<CircuitPass> {
    if (this.probe) {
      const { done } = this.probe;
      await (signal ? guardWithSignal(done, signal, () => this.openError) : done);
      return this.admit(signal);
    }
    if (this.mode === 'isolated' || this.rejects()) throw this.openError;
    this.probing = true;
    const probe = (this.probe = new CircuitProbe());
    const answer = (await this.link.run('circuitTryProbe', this.keys, [this.token, this.probeLeaseMs])) as
      | Answer
      | undefined;
    if (answer && answer[0] !== 'probe') {
      this.probing = false;
      this.endProbe(probe);
      this.apply(answer);
      if (this.mode === 'closed') return 'call';
      // Another replica probes: ask again in a moment (its answer will be published before then).
      if (this.mode === 'open' && !this.rejects()) this.openUntil = Date.now() + HALF_OPEN_RETRY_AFTER_MS;
      throw this.openError;
    }
    this.report();
    return probe;
  }

  private async probed(probe: CircuitProbe, succeeded: boolean): Promise<void> {
    try {
      const answer = await this.link.run('circuitProbeResult', this.keys, [
        this.token,
        succeeded ? 1 : 0,
        this.options.halfOpenAfterMs,
        this.ttlMs,
        this.link.channel,
        this.policy,
      ]);
      this.probing = false;
      if (answer) return this.apply(answer as Answer);
      this.localFailures = 0;
      this.apply(succeeded ? ['closed', 0, 0] : ['open', this.options.halfOpenAfterMs, 0]);
    } finally {
      this.endProbe(probe);
    }
  }

  /** Lets this replica's calls waiting on `probe` ask again. */
  private endProbe(probe: CircuitProbe): void {
    probe.release();
    if (this.probe === probe) this.probe = undefined;
  }

  /** Mirrors the shared state (a script's answer or a published message) in process. */
  private apply([state, remainingMs, failures]: Answer): void {
    if (state === 'closed') {
      this.mode = 'closed';
      this.openUntil = 0;
      this.dirty = failures > 0;
    } else if (state === 'open') {
      this.mode = 'open';
      this.openUntil = Date.now() + remainingMs;
    } else if (state === 'isolated') {
      this.mode = 'isolated';
      this.openUntil = Infinity;
    }
    this.report();
  }

  private report(): void {
    const state = this.state;
    if (state === this.last) return;
    const previous = this.last;
    this.last = state;
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
