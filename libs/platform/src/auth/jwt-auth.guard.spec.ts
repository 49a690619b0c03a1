import { Reflector } from '@nestjs/core';
import { RequestContext } from '@keel/context';
import type { RequestContextStore } from '@keel/context';
import { BearerAuthError } from './bearer-auth.error';
import { JwtAuthGuard } from './jwt-auth.guard';
import { Public } from './public.decorator';
import { FakeJwtVerifier, authenticatedUser, executionContext, guardRequest } from './testing';

class GuardedController {
  guarded(): string {
    return 'handled';
  }
  @Public()
  open(): string {
    return 'handled';
  }
}

@Public()
class PublicController {
  anything(): string {
    return 'handled';
  }
}

function setup() {
  const verifier = new FakeJwtVerifier();
  const guard = new JwtAuthGuard(new Reflector(), verifier.asVerifier());
  return { guard, verifier };
}

describe(JwtAuthGuard.name, () => {
  it.each([
    ['a @Public() route', GuardedController, 'open'],
    ['a route of a @Public() controller', PublicController, 'anything'],
  ] as const)('lets a caller without a token through to %s, verifying nothing', (_what, controller, method) => {
    // Arrange
    const { guard, verifier } = setup();
    const request = guardRequest();

    // Act
    const allowed = guard.canActivate(executionContext(request, controller, method));

    // Assert
    expect(allowed).toBe(true);
    expect(request.user).toBeUndefined();
    expect(verifier.verified).toEqual([]);
  });

  it('leaves contexts other than HTTP alone', () => {
    // Arrange
    const { guard, verifier } = setup();

    // Act
    const allowed = guard.canActivate(executionContext(guardRequest(), GuardedController, 'guarded', 'rpc'));

    // Assert
    expect(allowed).toBe(true);
    expect(verifier.verified).toEqual([]);
  });

  it.each([
    ['no Authorization header', undefined],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a bare "Bearer"', 'Bearer '],
    ['two tokens', 'Bearer one two'],
    ['a repeated header', ['Bearer a', 'Bearer b']],
  ])('refuses %s with a 401 that challenges for a bearer token', (_what, header) => {
    // Arrange
    const { guard, verifier } = setup();

    // Act
    const act = () => guard.canActivate(executionContext(guardRequest(header), GuardedController, 'guarded'));

    // Assert
    expect(act).toThrow(BearerAuthError);
    expect(act).toThrow('missing bearer token');
    expect(verifier.verified).toEqual([]);
  });

  it('accepts a cached token synchronously, without verifying it again', () => {
    // Arrange
    const { guard, verifier } = setup();
    const user = authenticatedUser('u1', ['admin']);
    verifier.cached.set('tok', user);
    const request = guardRequest('Bearer tok');

    // Act
    const allowed = guard.canActivate(executionContext(request, GuardedController, 'guarded'));

    // Assert
    expect(allowed).toBe(true);
    expect(request.user).toBe(user);
    expect(verifier.verified).toEqual([]);
  });

  it('verifies a token it has not seen, with any case of the scheme and trailing spaces', async () => {
    // Arrange
    const { guard, verifier } = setup();
    const request = guardRequest('bearer   fresh  ');

    // Act
    const allowed = await guard.canActivate(executionContext(request, GuardedController, 'guarded'));

    // Assert
    expect(allowed).toBe(true);
    expect(verifier.verified).toEqual(['fresh']);
    expect(request.user).toEqual(authenticatedUser('user-of-fresh'));
  });

  it('passes the verifier’s 401 on, leaving the request without a user', async () => {
    // Arrange
    const { guard, verifier } = setup();
    verifier.verifyWith = async () => {
      throw BearerAuthError.invalid('token expired');
    };
    const request = guardRequest('Bearer stale');

    // Act
    const attempt = guard.canActivate(executionContext(request, GuardedController, 'guarded'));

    // Assert
    await expect(attempt).rejects.toThrow(BearerAuthError.invalid('token expired'));
    expect(request.user).toBeUndefined();
  });

  it('puts the user and the raw token in the request context, for clients that forward it', async () => {
    // Arrange
    const { guard } = setup();
    const store: RequestContextStore = { requestId: 'r1' };
    const request = guardRequest('Bearer fresh');

    // Act
    await RequestContext.run(store, () => guard.canActivate(executionContext(request, GuardedController, 'guarded')));

    // Assert
    expect(store).toEqual({ requestId: 'r1', user: authenticatedUser('user-of-fresh'), token: 'fresh' });
  });
});
