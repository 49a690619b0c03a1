import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { FleetConfig } from './fleet.config';
import { FleetMetrics } from './fleet-metrics';
import {
  CIRCUIT_FAILURE,
  CIRCUIT_PROBE_RESULT,
  CIRCUIT_READ,
  CIRCUIT_SET,
  CIRCUIT_SUCCESS,
  CIRCUIT_TRY_PROBE,
  RATE_LIMIT_ACQUIRE,
  RATE_LIMIT_RECORD,
} from './fleet.scripts';

const SCRIPTS = {
  circuitFailure: { keys: 1, lua: CIRCUIT_FAILURE },
  circuitSuccess: { keys: 1, lua: CIRCUIT_SUCCESS },
  circuitTryProbe: { keys: 2, lua: CIRCUIT_TRY_PROBE },
  circuitProbeResult: { keys: 2, lua: CIRCUIT_PROBE_RESULT },
  circuitSet: { keys: 2, lua: CIRCUIT_SET },
  circuitRead: { keys: 1, lua: CIRCUIT_READ },
  rateLimitAcquire: { keys: 1, lua: RATE_LIMIT_ACQUIRE },
  rateLimitRecord: { keys: 1, lua: RATE_LIMIT_RECORD },
} as const;

export type FleetScript = keyof typeof SCRIPTS;

/** What one policy's shared state does with the fleet's news. */
export interface FleetMember {
  /** A message that another replica (or this one) published for this policy. */
  receive(message: FleetMessage): void;
  /** Redis is back: read the shared state again, which may have moved while we were away. */
  resync(): Promise<void>;
}

export interface FleetMessage {
  policy: string;
  state: string;
  remainingMs: number;
  failures: number;
}

type ScriptCaller = (...args: (string | number)[]) => Promise<unknown>;

/** While Redis is unavailable, how often we ask whether it is back. */
const PING_INTERVAL_MS = 1_000;
/** How long start-up waits for Redis before serving on local state. */
const CONNECT_WAIT_MS = 2_000;

/**
 * One service's link to the fleet's shared state in Redis: a command connection (every command
 * capped at `commandTimeoutMs`, none queued while disconnected) and a subscriber on the service's
 * channel. Redis is a dependency that fails: any failed or slow command marks the link unavailable,
 * callers fall back to their in-process state, and a ping every second brings the link back, after
 * which every member re-reads the shared state. Each transition is logged once and counted.
 */
export class FleetLink {
  readonly channel: string;
  private readonly logger = new Logger('Fleet');
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly members = new Map<string, Set<FleetMember>>();
  private up = false;
  /** The last state logged, so that each transition (and the first state) is logged once. */
  private announced: boolean | undefined;
  private closed = false;
  private pinger: NodeJS.Timeout | undefined;
  private lastError = '';

  constructor(
    readonly config: FleetConfig,
    private readonly metrics: FleetMetrics = new FleetMetrics(),
  ) {
    this.channel = `${config.namespace}:${config.service}:events`;
    const retryStrategy = (times: number) => Math.min(100 * times, PING_INTERVAL_MS);
    this.redis = new Redis(config.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: config.commandTimeoutMs,
      connectTimeout: CONNECT_WAIT_MS,
      retryStrategy,
      connectionName: `${config.service}-fleet`,
    });
    for (const [name, { keys, lua }] of Object.entries(SCRIPTS)) {
      this.redis.defineCommand(name, { numberOfKeys: keys, lua });
      this.metrics.declare(name);
    }
    this.subscriber = new Redis(config.url, {
      lazyConnect: true,
      connectTimeout: CONNECT_WAIT_MS,
      retryStrategy,
      connectionName: `${config.service}-fleet-events`,
    });
    for (const connection of [this.redis, this.subscriber]) {
      connection.on('error', (error: Error) => this.markDown(error.message));
      connection.on('close', () => this.markDown('connection closed'));
      connection.on('ready', () => void this.check());
    }
    this.subscriber.on('message', (_channel: string, raw: string) => this.dispatch(raw));
    this.metrics.available(false);
  }

  /** Whether shared state is in use right now; false means callers run on their local state. */
  get available(): boolean {
    return this.up;
  }

  /** For `/api/health`: why the link is down, if it is. */
  get status(): { available: boolean; error?: string } {
    return this.up ? { available: true } : { available: false, error: this.lastError || 'not connected' };
  }

  /** `keel:<service>:<policy>:<suffix>`: every key of a service's downstream in one namespace. */
  key(policy: string, suffix: string): string {
    return `${this.config.namespace}:${this.config.service}:${policy}:${suffix}`;
  }

  register(policy: string, member: FleetMember): void {
    let set = this.members.get(policy);
    if (!set) this.members.set(policy, (set = new Set()));
    set.add(member);
  }

  /** Connects and subscribes, waiting a moment for Redis; without it the service starts on local state. */
  async start(): Promise<void> {
    const connect = Promise.all([
      this.redis.connect(),
      this.subscriber.connect().then(() => this.subscriber.subscribe(this.channel)),
    ]);
    const waited = await Promise.race([
      connect.then(() => true),
      new Promise<false>((resolve) => setTimeout(resolve, CONNECT_WAIT_MS, false).unref()),
    ]).catch((error: Error) => (this.markDown(error.message), false));
    if (waited) await this.check();
    else this.markDown(this.lastError || 'Redis did not answer in time');
  }

  /**
   * Runs a script; undefined when Redis failed or is unavailable, in which case the caller uses its
   * local state (and the fallback is counted).
   */
  async run(script: FleetScript, keys: string[], args: (string | number)[]): Promise<unknown[] | undefined> {
    if (!this.up) {
      this.metrics.fallback(script);
      return undefined;
    }
    try {
      const call = (this.redis as unknown as Record<FleetScript, ScriptCaller>)[script];
      return (await call.call(this.redis, ...keys, ...args)) as unknown[];
    } catch (error) {
      this.markDown((error as Error).message);
      this.metrics.fallback(script);
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pinger);
    this.members.clear();
    // QUIT politely when Redis answers; a hung or absent one would never reply to it.
    await Promise.all(
      [this.redis, this.subscriber].map(async (c) => {
        if (c.status !== 'ready') return c.disconnect();
        const timer = setTimeout(() => c.disconnect(), 500);
        await c.quit().catch(() => c.disconnect());
        clearTimeout(timer);
      }),
    );
  }

  private dispatch(raw: string): void {
    let message: FleetMessage;
    try {
      message = JSON.parse(raw) as FleetMessage;
    } catch {
      return;
    }
    for (const member of this.members.get(message.policy) ?? []) member.receive(message);
  }

  /** Up once both connections answer; then every member catches up with what it missed. */
  private async check(): Promise<void> {
    if (this.closed || this.up) return;
    if (this.redis.status !== 'ready' || this.subscriber.status !== 'ready') return;
    try {
      await this.redis.ping();
    } catch (error) {
      this.markDown((error as Error).message);
      return;
    }
    if (this.up || this.closed) return;
    this.up = true;
    clearInterval(this.pinger);
    this.pinger = undefined;
    this.metrics.available(true);
    this.announced = true;
    this.logger.log({
      msg: 'shared state available: policies follow the fleet',
      event: 'fleet',
      redis: this.safeUrl(),
    });
    await Promise.all(
      [...this.members.values()].flatMap((set) => [...set].map((m) => m.resync().catch(() => undefined))),
    );
  }

  private markDown(reason: string): void {
    this.lastError = reason;
    if (this.closed) return;
    this.pinger ??= setInterval(() => void this.check(), PING_INTERVAL_MS).unref();
    this.up = false;
    if (this.announced === false) return;
    this.announced = false;
    this.metrics.available(false);
    this.logger.warn({
      msg: 'shared state unavailable: policies run on local state until Redis is back',
      event: 'fleet',
      redis: this.safeUrl(),
      error: reason,
    });
  }

  /** The URL without its password, for logs. */
  private safeUrl(): string {
    try {
      const url = new URL(this.config.url);
      if (url.password) url.password = '***';
      return url.toString();
    } catch {
      return 'redis';
    }
  }
}
