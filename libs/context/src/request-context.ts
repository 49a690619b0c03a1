import { AsyncLocalStorage } from 'node:async_hooks';

/** The authenticated caller, as the JWT guard verified it. */
export interface AuthenticatedUser {
  id: string;
  roles: string[];
  claims: Record<string, unknown>;
}

/** What one inbound request carries through everything it calls, without request-scoped providers. */
export interface RequestContextStore {
  requestId: string;
  traceparent?: string;
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
};
