// Builders and fakes for the auth guards' unit specs; not part of the build.
import type { ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from '@keel/context';
import type { JwtVerifier } from './jwt-verifier.service';

export interface GuardRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser | null;
}

export const authenticatedUser = (id: string, roles: string[] = []): AuthenticatedUser => ({
  id,
  roles,
  claims: { sub: id },
});

export const guardRequest = (authorization?: string | string[], user?: AuthenticatedUser | null): GuardRequest => ({
  headers: authorization === undefined ? {} : { authorization },
  ...(user !== undefined ? { user } : {}),
});

/**
 * The ExecutionContext a guard sees for `request` on `Controller.prototype[method]`: the handler and
 * class carry the metadata that `@Public()` and `@Roles()` wrote, which the real Reflector reads.
 */
export function executionContext(
  request: GuardRequest,
  controller: abstract new (...args: never[]) => unknown,
  method: string,
  type: 'http' | 'rpc' | 'ws' = 'http',
): ExecutionContext {
  const handler = (controller.prototype as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
  return {
    getType: () => type,
    getClass: () => controller,
    getHandler: () => handler,
    getArgs: () => [request],
    getArgByIndex: (index: number) => [request][index],
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => undefined, getNext: () => undefined }),
    switchToRpc: () => {
      throw new Error('not an rpc context');
    },
    switchToWs: () => {
      throw new Error('not a ws context');
    },
  } as unknown as ExecutionContext;
}

/** JwtVerifier with its answers arranged: a cache of users by token, and what `verify` does on a miss. */
export class FakeJwtVerifier {
  readonly cached = new Map<string, AuthenticatedUser>();
  readonly verified: string[] = [];
  verifyWith: (token: string) => Promise<AuthenticatedUser> = async (token) => authenticatedUser(`user-of-${token}`);

  fromCache(token: string): AuthenticatedUser | undefined {
    return this.cached.get(token);
  }

  verify(token: string): Promise<AuthenticatedUser> {
    this.verified.push(token);
    return this.verifyWith(token);
  }

  asVerifier(): JwtVerifier {
    return this as unknown as JwtVerifier;
  }
}
