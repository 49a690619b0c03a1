import { DEV_JWT_SECRET } from './dev-secret.constants';

export type JwtKeySource = { kind: 'secret'; secret: string; dev: boolean } | { kind: 'jwks'; url: URL };

export interface JwtConfig {
  source: JwtKeySource;
  /** Pinned: a token whose header names another algorithm (or `none`) is refused. */
  algorithms: string[];
  issuer?: string;
  audience?: string[];
}

const HMAC_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
const MIN_SECRET_BYTES = 32;

function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Reads JWT_SECRET / JWT_JWKS_URL / JWT_ISSUER / JWT_AUDIENCE; throws naming the variable at fault. */
export function resolveJwtConfig(env: NodeJS.ProcessEnv = process.env): JwtConfig {
  const secret = read(env, 'JWT_SECRET');
  const jwksUrl = read(env, 'JWT_JWKS_URL');
  const issuer = read(env, 'JWT_ISSUER');
  const audience = read(env, 'JWT_AUDIENCE')
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const claims = { issuer, audience: audience?.length ? audience : undefined };

  if (secret && jwksUrl) throw new Error('JWT_SECRET and JWT_JWKS_URL are both set: choose one (HS256 secret or a JWKS for RS256/ES256)');
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new Error(`JWT_JWKS_URL must be an absolute URL; got "${jwksUrl}"`);
    }
    return { source: { kind: 'jwks', url }, algorithms: JWKS_ALGORITHMS, ...claims };
  }
  if (secret) {
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long for HS256`);
    return { source: { kind: 'secret', secret, dev: false }, algorithms: HMAC_ALGORITHMS, ...claims };
  }
  if (env['NODE_ENV'] === 'production') throw new Error('JWT_SECRET is not set: set JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256) in production');
  return { source: { kind: 'secret', secret: DEV_JWT_SECRET, dev: true }, algorithms: HMAC_ALGORITHMS, ...claims };
}
