import { DEV_JWT_SECRET } from './dev-secret.constants';
import { resolveJwtConfig } from './jwt.config';

const SECRET = 'a-production-secret-that-is-long-enough';

describe('resolveJwtConfig', () => {
  it('uses JWT_SECRET with HS256 only', () => {
    expect(resolveJwtConfig({ JWT_SECRET: SECRET })).toEqual({
      source: { kind: 'secret', secret: SECRET, dev: false },
      algorithms: ['HS256'],
      issuer: undefined,
      audience: undefined,
      rolesClaims: ['roles'],
    });
  });

  it('uses JWT_JWKS_URL with RS256/ES256 and optional issuer and audiences', () => {
    const config = resolveJwtConfig({
      JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      JWT_ISSUER: 'https://idp.example/',
      JWT_AUDIENCE: 'keel, download',
    });

    expect(config.source).toEqual({ kind: 'jwks', url: new URL('https://idp.example/.well-known/jwks.json') });
    expect(config.algorithms).toEqual(['RS256', 'ES256']);
    expect(config.issuer).toBe('https://idp.example/');
    expect(config.audience).toEqual(['keel', 'download']);
  });

  it('reads JWT_ROLES_CLAIM as a comma list of claim paths, URL-like names included', () => {
    const config = resolveJwtConfig({
      JWT_ROLES_CLAIM: ' realm_access.roles , resource_access.keel-api.roles,https://keel.example/roles ',
    });

    expect(config.rolesClaims).toEqual([
      'realm_access.roles',
      'resource_access.keel-api.roles',
      'https://keel.example/roles',
    ]);
    expect(resolveJwtConfig({ JWT_ROLES_CLAIM: '  ' }).rolesClaims).toEqual(['roles']);
  });

  it.each(['roles,', 'roles,,groups', '.roles', 'realm_access.'])(
    'refuses JWT_ROLES_CLAIM=%j naming the variable',
    (value) => {
      expect(() => resolveJwtConfig({ JWT_ROLES_CLAIM: value })).toThrow(
        /^JWT_ROLES_CLAIM must be a comma list of claim paths/,
      );
    },
  );

  it('falls back to the dev secret outside production', () => {
    expect(resolveJwtConfig({ NODE_ENV: 'development' }).source).toEqual({
      kind: 'secret',
      secret: DEV_JWT_SECRET,
      dev: true,
    });
    expect(resolveJwtConfig({ JWT_SECRET: '  ' }).source).toMatchObject({ dev: true });
  });

  it('fails in production without a secret, naming JWT_SECRET', () => {
    expect(() => resolveJwtConfig({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET is not set/);
  });

  it('refuses a secret shorter than 32 bytes, both variables at once, and a relative JWKS URL', () => {
    expect(() => resolveJwtConfig({ JWT_SECRET: 'short' })).toThrow(/^JWT_SECRET must be at least 32 bytes/);
    expect(() => resolveJwtConfig({ JWT_SECRET: SECRET, JWT_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      /both set/,
    );
    expect(() => resolveJwtConfig({ JWT_JWKS_URL: '/jwks.json' })).toThrow(/^JWT_JWKS_URL must be an absolute URL/);
  });
});
