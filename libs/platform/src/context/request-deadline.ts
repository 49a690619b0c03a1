import type { ServerResponse } from 'node:http';
import { DeadlineExceededError } from '@keel/context';
import type { RequestDeadline } from '@keel/context';

/** The caller's propagated budget, if the header holds a plain whole number of milliseconds. */
export function propagatedBudgetMs(header: string | string[] | undefined): number | undefined {
  return typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
}

/**
 * A request's deadline, cheap until someone needs its signal: most requests make no downstream call,
 * so the AbortController, its timer and the hang-up listener are created on first use only.
 */
export class LazyRequestDeadline implements RequestDeadline {
  private readonly expiresAt: number;
  private controller: AbortController | undefined;

  constructor(
    readonly budgetMs: number,
    private readonly response: ServerResponse,
  ) {
    this.expiresAt = performance.now() + budgetMs;
  }

  remainingMs(): number {
    return Math.max(0, Math.floor(this.expiresAt - performance.now()));
  }

  get signal(): AbortSignal {
    if (this.controller) return this.controller.signal;
    const controller = new AbortController();
    this.controller = controller;
    const remaining = this.remainingMs();
    if (remaining === 0) {
      controller.abort(new DeadlineExceededError(this.budgetMs));
      return controller.signal;
    }
    if (this.response.destroyed && !this.response.writableFinished) {
      controller.abort(new DOMException('the client closed the request', 'AbortError'));
      return controller.signal;
    }
    const timer = setTimeout(() => controller.abort(new DeadlineExceededError(this.budgetMs)), remaining);
    timer.unref();
    // 'close' comes after a finished answer too; only one that closed unfinished is a hang-up. A
    // response emits it once, so `on` (no per-request wrapper, no removal on close).
    this.response.on('close', () => {
      clearTimeout(timer);
      if (!this.response.writableFinished)
        controller.abort(new DOMException('the client closed the request', 'AbortError'));
    });
    return controller.signal;
  }
}
