import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { JWTPayload } from 'jose';
import { call } from '../test-fixtures/http-call';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

const JWT_VARIABLES = ['JWT_SECRET', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_ROLES_CLAIM'] as const;

/**
 * Access tokens laid out as real identity providers issue them (RS256 from a JWKS, their own claim
 * layout), through the real guards over HTTP: `/fixture/admin` needs `admin`, `/roles/writer`
 * needs `media:write`, `/fixture/me` only a valid token.
 */
describe('JwtAuthGuard and RolesGuard with identity-provider tokens', () => {
  let jwks: Server;
  let jwksUrl: string;
  let sign: (payload: JWTPayload) => Promise<string>;
  const saved: Partial<Record<(typeof JWT_VARIABLES)[number], string>> = {};

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/protocol/openid-connect/certs`;
    const now = Math.floor(Date.now() / 1000);
    sign = (payload) =>
      new SignJWT({ iat: now, exp: now + 300, ...payload })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'idp-1' })
        .sign(privateKey);
    for (const name of JWT_VARIABLES) saved[name] = process.env[name];
  });

  afterAll(async () => {
    for (const name of JWT_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await new Promise((resolve) => jwks.close(resolve));
  });

  /** A service verifying against the JWKS, with `env` as its JWT_* settings. */
  async function serviceWith(env: Partial<Record<(typeof JWT_VARIABLES)[number], string>>): Promise<TestService> {
    for (const name of JWT_VARIABLES) delete process.env[name];
    Object.assign(process.env, { JWT_JWKS_URL: jwksUrl, ...env });
    return startTestService(TestAppModule);
  }
  const statusOf = async (service: TestService, path: string, token: string) =>
    (await call(service.url, path, { token })).status;

  describe('Keycloak (realm_access.roles, resource_access.<client>.roles)', () => {
    const ISSUER = 'https://sso.keel.example/realms/keel';
    let service: TestService;

    beforeAll(async () => {
      // The client id has a dot in it, as Keycloak allows: the path still finds it.
      service = await serviceWith({
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: 'keel.api',
        JWT_ROLES_CLAIM: 'realm_access.roles, resource_access.keel.api.roles',
      });
    });
    afterAll(() => service.close());

    /** The claims of a Keycloak 24 access token, as its token endpoint returns them. */
    const keycloakToken = (realmRoles: string[], clientRoles: string[], overrides: JWTPayload = {}) =>
      sign({
        jti: 'onrtac:0c5e7c5a-8f0e-4d1b-9a41-6c0f4a3c2b11',
        iss: ISSUER,
        aud: ['keel.api', 'account'],
        sub: '4c8a0f0e-1b7d-4f6a-9e0a-2d3c4b5a6f70',
        typ: 'Bearer',
        azp: 'keel-web',
        sid: '2f0d6c1e-6a61-4c53-9f7b-3f9a0e0c8d21',
        acr: '1',
        'allowed-origins': ['https://keel.example'],
        realm_access: { roles: ['offline_access', 'uma_authorization', 'default-roles-keel', ...realmRoles] },
        resource_access: { 'keel.api': { roles: clientRoles }, account: { roles: ['manage-account', 'view-profile'] } },
        scope: 'openid email profile',
        email_verified: true,
        preferred_username: 'ada',
        email: 'ada@keel.example',
        ...overrides,
      });

    it('lets a realm admin through to an admin route', async () => {
      expect(await statusOf(service, '/api/v1/fixture/admin', await keycloakToken(['admin'], []))).toBe(200);
    });

    it('reads client roles too, and gives @CurrentUser() the roles of both paths and the scopes', async () => {
      const token = await keycloakToken([], ['media:write']);

      const me = await call(service.url, '/api/v1/fixture/me', { token });

      expect(await statusOf(service, '/api/v1/roles/writer', token)).toBe(200);
      expect(await statusOf(service, '/api/v1/fixture/admin', token)).toBe(403);
      expect(me.body.roles).toEqual([
        'offline_access',
        'uma_authorization',
        'default-roles-keel',
        'media:write',
        'openid',
        'email',
        'profile',
      ]);
    });

    it('answers 403 problem+json to a user with neither role', async () => {
      const res = await call(service.url, '/api/v1/fixture/admin', { token: await keycloakToken([], []) });

      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    });

    it.each([
      ['another realm', { iss: 'https://sso.keel.example/realms/other' }],
      ['another audience', { aud: ['account'] }],
    ])('answers 401 to a token of %s', async (_name, overrides) => {
      expect(await statusOf(service, '/api/v1/fixture/me', await keycloakToken(['admin'], [], overrides))).toBe(401);
    });
  });

  describe('Auth0 (a namespaced roles claim, scopes)', () => {
    const ISSUER = 'https://keel.eu.auth0.com/';
    const ROLES_CLAIM = 'https://keel.example/roles';
    let service: TestService;

    beforeAll(async () => {
      service = await serviceWith({
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: 'https://api.keel.example',
        JWT_ROLES_CLAIM: ROLES_CLAIM,
      });
    });
    afterAll(() => service.close());

    /** An Auth0 access token for a custom API, with roles added by a post-login Action under a namespace. */
    const auth0Token = (roles: string[] | undefined, scope: string, overrides: JWTPayload = {}) =>
      sign({
        ...(roles ? { [ROLES_CLAIM]: roles } : {}),
        iss: ISSUER,
        sub: 'auth0|65f0c1d2e3f4a5b6c7d8e9f0',
        aud: ['https://api.keel.example', 'https://keel.eu.auth0.com/userinfo'],
        scope,
        azp: 'Xy7QbL0mN2pR4sT6uV8wZ0aB2cD4eF6g',
        permissions: [],
        ...overrides,
      });

    it('reads roles from the namespaced claim, whose name is full of dots', async () => {
      expect(await statusOf(service, '/api/v1/fixture/admin', await auth0Token(['admin'], 'openid profile'))).toBe(200);
    });

    it('lets an OAuth scope satisfy @Roles("media:write")', async () => {
      const token = await auth0Token(undefined, 'openid profile media:write');

      expect(await statusOf(service, '/api/v1/roles/writer', token)).toBe(200);
      expect(await statusOf(service, '/api/v1/fixture/admin', token)).toBe(403);
    });

    it('does not read a top-level roles claim when another claim is configured', async () => {
      expect(
        await statusOf(service, '/api/v1/fixture/admin', await auth0Token(undefined, 'openid', { roles: ['admin'] })),
      ).toBe(403);
    });

    it.each([
      ['the issuer without its trailing slash', { iss: 'https://keel.eu.auth0.com' }],
      ['an audience of another API', { aud: 'https://other.keel.example' }],
    ])('answers 401 to %s', async (_name, overrides) => {
      expect(await statusOf(service, '/api/v1/fixture/me', await auth0Token(['admin'], 'openid', overrides))).toBe(401);
    });
  });

  describe('scp (Microsoft Entra ID: a string; Okta: an array), with the default roles claim', () => {
    let service: TestService;

    beforeAll(async () => {
      service = await serviceWith({});
    });
    afterAll(() => service.close());

    it.each([
      ['Entra ID', { scp: 'media:write User.Read', roles: ['Reader'] }],
      ['Okta', { scp: ['openid', 'media:write'] }],
    ])('lets a %s scope satisfy @Roles("media:write")', async (_name, claims) => {
      const token = await sign({ iss: 'https://idp.example', sub: 'u1', ...claims });

      expect(await statusOf(service, '/api/v1/roles/writer', token)).toBe(200);
    });

    it('still reads the top-level roles claim by default', async () => {
      expect(await statusOf(service, '/api/v1/fixture/admin', await sign({ sub: 'u1', roles: ['admin'] }))).toBe(200);
    });
  });
});
