import { Inject, Injectable, Logger } from '@nestjs/common';
import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyOptions } from 'jose';
import type { AuthenticatedUser } from '@keel/context';
import { BearerAuthError } from './bearer-auth.error';
import type { JwtConfig } from './jwt.config';
import { rolesOf } from './token-roles';
import { VerifiedTokenCache } from './verified-token.cache';

type CryptoKey = webcrypto.CryptoKey;

export const JWT_CONFIG = 'KEEL:JWT_CONFIG';

let devSecretWarned = false;

/**
 * Verifies bearer tokens with jose, pinned to the configured algorithms, `exp` and `sub` required.
 *
 * The HMAC key is imported once as a WebCrypto CryptoKey. jose 6 on Node 20 re-exports a
 * `createSecretKey()` KeyObject and re-imports it on every verify (KeyObject#toCryptoKey arrived in
 * Node 22), which made it the slowest key form here; a CryptoKey is used as is.
 */
@Injectable()
export class JwtVerifier {
  private readonly logger = new Logger(JwtVerifier.name);
  private readonly cache = new VerifiedTokenCache();
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;
  private readonly rolesClaims: readonly string[];

  constructor(@Inject(JWT_CONFIG) config: JwtConfig) {
    this.rolesClaims = config.rolesClaims;
    const options: JWTVerifyOptions = {
      algorithms: config.algorithms,
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['sub', 'exp'],
    };
    const { source } = config;
    if (source.kind === 'jwks') {
      const jwks = createRemoteJWKSet(source.url);
      this.verifyJwt = async (token) => (await jwtVerify(token, jwks, options)).payload;
      return;
    }
    const key: Promise<CryptoKey> = webcrypto.subtle.importKey(
      'raw',
      Buffer.from(source.secret, 'utf8'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    this.verifyJwt = async (token) => (await jwtVerify(token, await key, options)).payload;
    if (source.dev && !devSecretWarned) {
      devSecretWarned = true;
      this.logger.warn(
        `JWT_SECRET is not set: verifying tokens with the public development secret "${source.secret}" ` +
          `(mint one with npm run token). Never run like this in production.`,
      );
    }
  }

  /** The user of a token verified before and not yet expired; no crypto. */
  fromCache(token: string): AuthenticatedUser | undefined {
    return this.cache.get(token, Date.now());
  }

  /** Verifies `token` and caches the result until `exp`. Throws a 401 `BearerAuthError`. */
  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: JWTPayload;
    try {
      payload = await this.verifyJwt(token);
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      // The code, never the token: a token in a log is a credential in a log.
      this.logger.debug({ code: (error as { code?: string }).code ?? 'unknown' }, 'bearer token rejected');
      throw BearerAuthError.invalid(expired ? 'token expired' : 'invalid token');
    }
    const { sub, exp } = payload;
    if (typeof sub !== 'string' || sub === '' || typeof exp !== 'number')
      throw BearerAuthError.invalid('invalid token');
    const user = toUser(sub, payload, this.rolesClaims);
    this.cache.set(token, user, exp * 1000);
    return user;
  }
}

/** Frozen: a cached user is shared by every request that presents the same token. */
function toUser(sub: string, payload: JWTPayload, rolesClaims: readonly string[]): AuthenticatedUser {
  const roles = rolesOf(payload, rolesClaims);
  return Object.freeze({ id: sub, roles: Object.freeze(roles) as string[], claims: Object.freeze({ ...payload }) });
}
