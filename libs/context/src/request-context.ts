import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Span } from '@opentelemetry/api';

/** The authenticated caller, as the JWT guard verified it. */
export interface AuthenticatedUser {
  id: string;
  roles: string[];
  claims: Record<string, unknown>;
}

/**
 * How long one inbound request may still take: the service's own budget, or the smaller one its
 * caller propagated. Every downstream call made for the request ends with it, and so do they all when
 * the client hangs up.
 */
export interface RequestDeadline {
  /** The budget this request started with, in ms. */
  readonly budgetMs: number;
  /** What is left of it now, in ms (0 once spent). */
  remainingMs(): number;
  /** Aborts when the budget is spent (reason: DeadlineExceededError) or the client goes away. */
  readonly signal: AbortSignal;
}

/**
 * The header through which a Keel service passes the milliseconds left of a request's budget to the
 * downstreams that are Keel services (relative, as gRPC's `grpc-timeout`, so clocks need not agree).
 */
export const DEADLINE_HEADER = 'keel-deadline-ms';

/** The reason a request's deadline aborts with; named like `AbortSignal.timeout()`'s, so it reads as a timeout. */
export class DeadlineExceededError extends Error {
  override readonly name = 'TimeoutError';

  constructor(readonly budgetMs: number) {
    super(`the request's deadline of ${budgetMs} ms has passed`);
  }
}

/** What one inbound request carries through everything it calls, without request-scoped providers. */
export interface RequestContextStore {
  requestId: string;
  /** The caller's `traceparent`, or this request's own span's when tracing is on. */
  traceparent?: string;
  /** The request's server span when tracing is on: downstream attempts are its children. */
  span?: Span;
  deadline?: RequestDeadline;
  /** The caller's raw bearer token, for clients that declare they forward it. Never log it. */
  token?: string;
  user?: AuthenticatedUser;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  /**
   * Runs `fn` with a deadline `ms` from now, or the current request's if that ends first: every
   * downstream call made inside ends by then. Outside a request, `fn` runs in a context of its own.
   * This, not a `signal` parameter, is how a caller gives one step a tighter budget.
   */
  withDeadline<T>(ms: number, fn: (deadline: RequestDeadline) => T): T {
    const current = storage.getStore();
    const outer = current?.deadline;
    const deadline = outer && outer.remainingMs() <= ms ? outer : new TimedDeadline(ms, outer?.signal);
    return storage.run({ ...(current ?? { requestId: randomUUID() }), deadline }, () => fn(deadline));
  },
};

/** A deadline of `budgetMs` from now that also ends with its parent's signal (the request's, if any). */
class TimedDeadline implements RequestDeadline {
  private readonly expiresAt: number;
  readonly signal: AbortSignal;

  constructor(
    readonly budgetMs: number,
    parent: AbortSignal | undefined,
  ) {
    this.expiresAt = performance.now() + budgetMs;
    const controller = new AbortController();
    this.signal = controller.signal;
    if (parent?.aborted) {
      controller.abort(parent.reason);
      return;
    }
    const timer = setTimeout(() => controller.abort(new DeadlineExceededError(budgetMs)), budgetMs);
    timer.unref();
    parent?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        controller.abort(parent.reason);
      },
      { once: true },
    );
  }

  remainingMs(): number {
    return Math.max(0, Math.floor(this.expiresAt - performance.now()));
  }
}
