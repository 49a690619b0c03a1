import { Logger } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { signTestToken } from '../testing';
import { BearerAuthError } from './bearer-auth.error';
import { DEV_JWT_SECRET } from './dev-secret.constants';
import { JwtVerifier } from './jwt-verifier.service';
import { resolveJwtConfig } from './jwt.config';

describe(JwtVerifier.name, () => {
  beforeAll(() => Logger.overrideLogger(false));
  const verifier = () => new JwtVerifier(resolveJwtConfig({ NODE_ENV: 'test' }));

  it('verifies a dev-secret token into a frozen user and caches it until exp', async () => {
    const subject = verifier();
    const token = await signTestToken({ sub: 'u1', roles: ['admin', 7 as unknown as string], secret: DEV_JWT_SECRET });

    expect(subject.fromCache(token)).toBeUndefined();
    const user = await subject.verify(token);

    expect(user).toEqual({ id: 'u1', roles: ['admin'], claims: expect.objectContaining({ sub: 'u1' }) });
    expect(Object.isFrozen(user) && Object.isFrozen(user.roles)).toBe(true);
    expect(subject.fromCache(token)).toBe(user);
  });

  it.each([
    ['expired', { sub: 'u1', expiresIn: -5 }, 'token expired'],
    ['alg none', { sub: 'u1', alg: 'none' as const }, 'invalid token'],
    ['HS512', { sub: 'u1', alg: 'HS512' as const }, 'invalid token'],
    ['wrong secret', { sub: 'u1', secret: 'x'.repeat(40) }, 'invalid token'],
    ['no sub', { sub: '' }, 'invalid token'],
  ])('rejects a token (%s) with a 401 and never caches it', async (_name, options, detail) => {
    const subject = verifier();
    const token = await signTestToken(options);

    const error = await subject.verify(token).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BearerAuthError);
    expect((error as BearerAuthError).message).toBe(detail);
    expect((error as BearerAuthError).challenge).toContain('invalid_token');
    expect(subject.fromCache(token)).toBeUndefined();
  });

  it('accepts a token minted by `npm run token` (tools/token/token.js repeats the dev secret)', async () => {
    const env = { ...process.env, JWT_SECRET: '', JWT_ISSUER: '', JWT_AUDIENCE: '' };
    const token = execFileSync(
      process.execPath,
      [
        join(__dirname, '../../../../tools/token/token.js'),
        '--sub',
        'cli-user',
        '--roles',
        'admin,member',
        '--ttl',
        '5m',
      ],
      { env, encoding: 'utf8' },
    ).trim();

    await expect(verifier().verify(token)).resolves.toMatchObject({ id: 'cli-user', roles: ['admin', 'member'] });
  });

  it('accepts the roles `npm run token` nests under JWT_ROLES_CLAIM, and its --scope', async () => {
    const env = {
      ...process.env,
      JWT_SECRET: '',
      JWT_ISSUER: '',
      JWT_AUDIENCE: '',
      JWT_ROLES_CLAIM: 'realm_access.roles,groups',
    };
    const token = execFileSync(
      process.execPath,
      [
        join(__dirname, '../../../../tools/token/token.js'),
        '--sub',
        'kc-user',
        '--roles',
        'admin',
        '--scope',
        'openid media:write',
      ],
      { env, encoding: 'utf8' },
    ).trim();
    const subject = new JwtVerifier(resolveJwtConfig({ NODE_ENV: 'test', JWT_ROLES_CLAIM: env.JWT_ROLES_CLAIM }));

    await expect(subject.verify(token)).resolves.toMatchObject({
      id: 'kc-user',
      roles: ['admin', 'openid', 'media:write'],
      claims: expect.objectContaining({ realm_access: { roles: ['admin'] } }),
    });
  });

  it('rejects a token without exp', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));

    await expect(verifier().verify(token)).rejects.toThrow('invalid token');
  });

  it('checks issuer and audience when configured', async () => {
    const subject = new JwtVerifier(resolveJwtConfig({ JWT_ISSUER: 'keel-idp', JWT_AUDIENCE: 'download' }));

    await expect(
      subject.verify(await signTestToken({ sub: 'u1', issuer: 'keel-idp', audience: 'download' })),
    ).resolves.toMatchObject({ id: 'u1' });
    await expect(
      subject.verify(await signTestToken({ sub: 'u1', issuer: 'other', audience: 'download' })),
    ).rejects.toThrow('invalid token');
    await expect(subject.verify(await signTestToken({ sub: 'u1', issuer: 'keel-idp' }))).rejects.toThrow(
      'invalid token',
    );
  });

  describe('with JWT_JWKS_URL', () => {
    let server: Server;
    let jwksUrl: string;
    let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('verifies an RS256 token against the remote key set and refuses an HS256 one', async () => {
      const subject = new JwtVerifier(resolveJwtConfig({ JWT_JWKS_URL: jwksUrl }));
      const rs256 = await new SignJWT({ roles: ['member'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('u9')
        .setExpirationTime('5m')
        .sign(privateKey);

      await expect(subject.verify(rs256)).resolves.toEqual({ id: 'u9', roles: ['member'], claims: expect.any(Object) });
      await expect(subject.verify(await signTestToken({ sub: 'u9' }))).rejects.toThrow('invalid token');
    });
  });
});
