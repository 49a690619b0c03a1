import { Logger } from '@nestjs/common';
import type { JobLeaseRepository } from './job-lease.repository';

export interface LeaseStatus {
  name: string;
  /** This replica's holder id. */
  self: string;
  /** Whether this replica holds it (by its own conservative reckoning). */
  held: boolean;
  /** Who holds it and until when, by the database; absent when nobody does. */
  holder?: string;
  expiresAt?: string;
  acquiredAt?: string;
}

export interface KeepOptions {
  /** Called when this replica takes the lease (not on renewals): start the job's work now. */
  onAcquired?: () => void;
  /** Called when this replica loses a lease it held (it could not renew in time, or another took it). */
  onLost?: () => void;
}

/**
 * One named lease, as one replica sees it. `keep()` tries to take or renew it every third of its TTL,
 * so a holder survives two failed renewals, and a dead holder's lease is taken over at most TTL + TTL/3
 * after its last renewal. `held` is reckoned on this process's monotonic clock from when the renewal
 * was *sent*, so it turns false no later than the database's expiry: a replica never believes it holds
 * a lease another may already have taken.
 */
export class JobLease {
  private readonly logger = new Logger(JobLease.name);
  private heldUntil = 0;
  private wasHeld = false;
  private timer: NodeJS.Timeout | undefined;
  private attempt: Promise<boolean> | undefined;
  private options: KeepOptions = {};

  constructor(
    readonly name: string,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly repository: JobLeaseRepository,
  ) {}

  get held(): boolean {
    return performance.now() < this.heldUntil;
  }

  /** Takes or renews the lease now; resolves to whether this replica holds it. Joins an attempt in flight. */
  tryHold(): Promise<boolean> {
    this.attempt ??= this.once().finally(() => (this.attempt = undefined));
    return this.attempt;
  }

  /** Keeps trying to take and renew the lease until `stop()`. */
  keep(options: KeepOptions = {}): void {
    this.options = options;
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.tryHold(), Math.max(1, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
    void this.tryHold();
  }

  /** Stops renewing; the lease lapses at its expiry unless `release()` gives it up at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.attempt;
  }

  /** Gives the lease up (graceful shutdown): another replica takes it at its next attempt. */
  async release(): Promise<void> {
    await this.stop();
    this.heldUntil = 0;
    if (!this.wasHeld) return;
    this.wasHeld = false;
    if (await this.repository.release(this.name, this.holder))
      this.logger.log({ msg: 'lease released', lease: this.name, holder: this.holder });
  }

  async status(): Promise<LeaseStatus> {
    const row = await this.repository.find(this.name);
    const live = row?.live
      ? { holder: row.holder, expiresAt: row.expiresAt.toISOString(), acquiredAt: row.acquiredAt.toISOString() }
      : {};
    return { name: this.name, self: this.holder, held: this.held, ...live };
  }

  private async once(): Promise<boolean> {
    const sentAt = performance.now();
    try {
      const row = await this.repository.acquire(this.name, this.holder, this.ttlMs);
      this.heldUntil = row ? sentAt + this.ttlMs : 0;
    } catch (error) {
      // The database is unreachable: the lease lapses by itself, here and in the table alike.
      this.logger.warn({ msg: 'could not take or renew the lease', lease: this.name, error: (error as Error).message });
    }
    this.notice();
    return this.held;
  }

  /** Logs and reports a change of hands, once per transition. */
  private notice(): void {
    const held = this.held;
    if (held === this.wasHeld) return;
    this.wasHeld = held;
    if (held) {
      this.logger.log({ msg: 'lease acquired', lease: this.name, holder: this.holder, ttlMs: this.ttlMs });
      this.options.onAcquired?.();
    } else {
      this.logger.warn({ msg: 'lease lost', lease: this.name, holder: this.holder });
      this.options.onLost?.();
    }
  }
}
