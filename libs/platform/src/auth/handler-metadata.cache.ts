import type { ExecutionContext } from '@nestjs/common';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- what Nest's ExecutionContext returns
type Target = Function;

/**
 * Route metadata read once per handler rather than on every request: the global guards ask for it on
 * each one (Reflector's getAllAndOverride builds three arrays a call), and decorators have all run by
 * the time the first request arrives. Keyed by the handler, checked against its class (an inherited
 * handler is shared by every subclass, whose own decorators may differ).
 */
export class HandlerMetadataCache<T> {
  private readonly byHandler = new WeakMap<Target, { cls: Target; value: T }>();

  constructor(private readonly read: (handler: Target, cls: Target) => T) {}

  get(context: ExecutionContext): T {
    const handler = context.getHandler();
    const cls = context.getClass();
    const hit = this.byHandler.get(handler);
    if (hit && hit.cls === cls) return hit.value;
    const value = this.read(handler, cls);
    this.byHandler.set(handler, { cls, value });
    return value;
  }
}
