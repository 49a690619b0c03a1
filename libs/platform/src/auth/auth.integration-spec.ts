import { DEV_JWT_SECRET } from './dev-secret.constants';
import { call } from '../test-fixtures/http-call';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

const PROBLEM = 'application/problem+json; charset=utf-8';

describe('JwtAuthGuard over HTTP', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(TestAppModule);
  });
  afterAll(() => service.close());

  const me = (token?: string, headers?: Record<string, string>) =>
    call(service.url, '/api/v1/fixture/me', { token, headers });

  function expectUnauthorized(res: Awaited<ReturnType<typeof me>>, detail: string): void {
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe(PROBLEM);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail,
      instance: '/api/v1/fixture/me',
      requestId: res.headers.get('x-request-id'),
    });
  }

  it('answers 401 problem+json with a Bearer challenge when no token is sent', async () => {
    const res = await me();

    expectUnauthorized(res, 'missing bearer token');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 for a scheme other than Bearer', async () => {
    expectUnauthorized(
      await me(undefined, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }),
      'missing bearer token',
    );
  });

  it('answers 401 invalid_token for a token signed with another secret', async () => {
    const res = await me(await signTestToken({ sub: 'u1', secret: 'a-completely-different-secret-of-32-bytes' }));

    expectUnauthorized(res, 'invalid token');
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 401 for an unsigned alg:none token', async () => {
    expectUnauthorized(await me(await signTestToken({ sub: 'u1', alg: 'none' })), 'invalid token');
  });

  it('answers 401 for the right secret under another algorithm (HS512): the algorithm is pinned', async () => {
    expectUnauthorized(
      await me(await signTestToken({ sub: 'u1', alg: 'HS512', secret: DEV_JWT_SECRET })),
      'invalid token',
    );
  });

  it('answers 401 "token expired" for an expired token', async () => {
    expectUnauthorized(await me(await signTestToken({ sub: 'u1', expiresIn: -60 })), 'token expired');
  });

  it('answers 401 for a token without sub', async () => {
    expectUnauthorized(await me(await signTestToken({ sub: '' })), 'invalid token');
  });

  it('answers 401 for a garbled token', async () => {
    expectUnauthorized(await me('not.a.jwt'), 'invalid token');
  });

  it('accepts a valid token and gives @CurrentUser() the caller, twice (the second from the cache)', async () => {
    const token = await signTestToken({ sub: 'user-42', roles: ['member', 'editor'], claims: { name: 'Ada' } });

    const first = await me(token);
    const second = await me(token);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      id: 'user-42',
      roles: ['member', 'editor'],
      claims: expect.objectContaining({
        sub: 'user-42',
        name: 'Ada',
        roles: ['member', 'editor'],
        exp: expect.any(Number),
      }),
    });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('gives an empty roles list when the token has no roles claim', async () => {
    const res = await me(await signTestToken({ sub: 'u2' }));

    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual([]);
  });

  it('lets a @Public() route through without a token', async () => {
    const res = await call(service.url, '/api/v1/fixture/public');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, user: null });
  });

  describe('@Roles("admin")', () => {
    it('answers 403 problem+json to a caller without the role', async () => {
      const res = await call(service.url, '/api/v1/fixture/admin', {
        token: await signTestToken({ sub: 'u1', roles: ['member'] }),
      });

      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toMatchObject({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'requires the role admin',
        instance: '/api/v1/fixture/admin',
      });
    });

    it('answers 401 (not 403) without a token', async () => {
      const res = await call(service.url, '/api/v1/fixture/admin');

      expect(res.status).toBe(401);
    });

    it('lets an admin through', async () => {
      const res = await call(service.url, '/api/v1/fixture/admin', {
        token: await signTestToken({ sub: 'root', roles: ['admin'] }),
      });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ admin: 'root' });
    });
  });
});
