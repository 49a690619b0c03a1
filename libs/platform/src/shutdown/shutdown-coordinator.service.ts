import { Injectable, Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { shutdownDelayMs } from '../config/server.config';

/**
 * The rolling-deploy shutdown terminus leaves out (nestjs/terminus#2421):
 * 1. readiness answers 503 at once, so Kubernetes takes the pod out of its Service;
 * 2. the server keeps serving for SHUTDOWN_DELAY (about one probe period) while that propagates;
 * 3. `beforeDrain` listeners end long-lived responses (Server-Sent Events), which would otherwise
 *    hold the drain open until the client hangs up; then the HTTP server stops accepting and drains
 *    the requests in flight;
 * 4. `app.close()`: Nest runs onModuleDestroy, beforeApplicationShutdown and onApplicationShutdown,
 *    so clients and the database close after the last request.
 *
 * Step 3 comes first on purpose: `app.close()` alone runs onModuleDestroy *before* it closes the
 * HTTP server, which would close the database under requests still in flight.
 */
@Injectable()
export class ShutdownCoordinator {
  private readonly logger = new Logger(ShutdownCoordinator.name);
  readonly delayMs = shutdownDelayMs();
  private app?: INestApplication;
  private draining = false;
  private done?: Promise<void>;
  private readonly drainListeners = new Set<() => void>();

  get isShuttingDown(): boolean {
    return this.draining;
  }

  /** createService() calls this; the coordinator closes the app it belongs to. */
  attach(app: INestApplication): void {
    this.app = app;
  }

  /** Calls `listener` just before the HTTP server drains; returns the unsubscribe. */
  beforeDrain(listener: () => void): () => void {
    this.drainListeners.add(listener);
    return () => this.drainListeners.delete(listener);
  }

  /** Runs the sequence once; later calls return the same promise. `delayMs` overrides SHUTDOWN_DELAY. */
  shutdown(options: { reason?: string; delayMs?: number } = {}): Promise<void> {
    this.done ??= this.run(options.reason ?? 'shutdown requested', options.delayMs ?? this.delayMs);
    return this.done;
  }

  private async run(reason: string, delayMs: number): Promise<void> {
    this.draining = true;
    this.logger.log({ reason, delayMs }, 'shutting down: readiness is now 503; serving on until the delay ends');
    if (delayMs > 0) await sleep(delayMs);
    if (!this.app) return;
    this.logger.log('closing: draining requests in flight');
    for (const listener of this.drainListeners) listener();
    await this.app.getHttpAdapter().close();
    this.logger.log('drained: closing clients and the database');
    await this.app.close();
  }
}
