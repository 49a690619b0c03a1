import type { RouteHandler } from './emulator.types';
import { Router } from './router';

describe(Router.name, () => {
  const list: RouteHandler = () => undefined;
  const ownership: RouteHandler = () => undefined;
  const health: RouteHandler = () => undefined;
  const router = new Router([
    { method: 'GET', path: '/api/v1/users/:userId/games', handler: list },
    { method: 'GET', path: '/api/v1/users/:userId/games/:gameId/ownership', handler: ownership },
    { method: 'GET', path: '/health', handler: health },
  ]);

  it('matches a literal path without params', () => {
    // Act
    const match = router.match('GET', '/health');

    // Assert
    expect(match).toEqual({ kind: 'found', handler: health, params: {} });
  });

  it('extracts and decodes :params', () => {
    // Act
    const match = router.match('GET', '/api/v1/users/u%201/games/g1/ownership');

    // Assert
    expect(match).toEqual({ kind: 'found', handler: ownership, params: { userId: 'u 1', gameId: 'g1' } });
  });

  it('reports a known path with another method as wrong-method with an Allow list', () => {
    // Act
    const literal = router.match('POST', '/health');
    const pattern = router.match('DELETE', '/api/v1/users/u1/games');

    // Assert
    expect(literal).toEqual({ kind: 'wrong-method', allow: 'GET' });
    expect(pattern).toEqual({ kind: 'wrong-method', allow: 'GET' });
  });

  it.each([
    ['an unknown path', '/api/v2/users/u1/games'],
    ['an empty param', '/api/v1/users//games'],
    ['a trailing slash', '/health/'],
    ['malformed percent-encoding', '/api/v1/users/%E0%A4%A/games'],
  ])('returns null for %s', (_label, path) => {
    // Act
    const match = router.match('GET', path);

    // Assert
    expect(match).toBeNull();
  });

  it('refuses a route path without a leading slash', () => {
    // Act
    const build = () => new Router([{ method: 'GET', path: 'health', handler: health }]);

    // Assert
    expect(build).toThrow(/must start with/);
  });
});
