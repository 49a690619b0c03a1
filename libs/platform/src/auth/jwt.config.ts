import { DEV_JWT_SECRET } from './dev-secret.constants';

export type JwtKeySource = { kind: 'secret'; secret: string; dev: boolean } | { kind: 'jwks'; url: URL };

export interface JwtConfig {
  source: JwtKeySource;
  /** Pinned: a token whose header names another algorithm (or `none`) is refused. */
  algorithms: string[];
  issuer?: string;
  audience?: string[];
  /** Claim paths whose values are the caller's roles (`JWT_ROLES_CLAIM`); scopes are always added. */
  rolesClaims: string[];
}

const HMAC_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
const MIN_SECRET_BYTES = 32;
const DEFAULT_ROLES_CLAIMS = ['roles'];

function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * `JWT_ROLES_CLAIM`: a comma list of claim paths, e.g. `realm_access.roles,resource_access.keel-api.roles`
 * (Keycloak) or `https://keel.example/roles` (an Auth0 namespaced claim); default `roles`.
 */
function rolesClaims(env: NodeJS.ProcessEnv): string[] {
  const value = env['JWT_ROLES_CLAIM'];
  if (value === undefined || value.trim() === '') return DEFAULT_ROLES_CLAIMS;
  const paths = value.split(',').map((path) => path.trim());
  if (paths.some((path) => path === '' || path.startsWith('.') || path.endsWith('.'))) {
    throw new Error(
      `JWT_ROLES_CLAIM must be a comma list of claim paths such as roles or realm_access.roles; got "${value}"`,
    );
  }
  return paths;
}

/**
 * Reads JWT_SECRET / JWT_JWKS_URL / JWT_ISSUER / JWT_AUDIENCE / JWT_ROLES_CLAIM; throws naming the variable at fault.
 */
export function resolveJwtConfig(env: NodeJS.ProcessEnv = process.env): JwtConfig {
  const secret = read(env, 'JWT_SECRET');
  const jwksUrl = read(env, 'JWT_JWKS_URL');
  const issuer = read(env, 'JWT_ISSUER');
  const audience = read(env, 'JWT_AUDIENCE')
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const claims = { issuer, audience: audience?.length ? audience : undefined, rolesClaims: rolesClaims(env) };

  if (secret && jwksUrl)
    throw new Error('JWT_SECRET and JWT_JWKS_URL are both set: choose one (HS256 secret or a JWKS for RS256/ES256)');
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
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES)
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long for HS256`);
    return { source: { kind: 'secret', secret, dev: false }, algorithms: HMAC_ALGORITHMS, ...claims };
  }
  if (env['NODE_ENV'] === 'production')
    throw new Error('JWT_SECRET is not set: set JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256) in production');
  return { source: { kind: 'secret', secret: DEV_JWT_SECRET, dev: true }, algorithms: HMAC_ALGORITHMS, ...claims };
}
