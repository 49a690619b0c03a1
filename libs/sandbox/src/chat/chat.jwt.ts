import { createHmac, timingSafeEqual } from 'node:crypto';

/** The dev secret every Keel service and emulator shares in the sandbox (never in production). */
export const DEV_JWT_SECRET = 'keel-dev-secret-do-not-use-in-production';

export type JwtVerdict = { ok: true; subject: string } | { ok: false; reason: string };

/**
 * Verifies an HS256 JWT with node:crypto only (the sandbox may not import the platform's auth).
 * Any other `alg`, including `none`, is refused, so a forged unsigned token cannot pass.
 */
export function verifyHs256(token: string, secret: string, nowSeconds: number = Date.now() / 1000): JwtVerdict {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'token is not a JWT' };
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJson(headerPart);
  if (header === undefined || header['alg'] !== 'HS256') return { ok: false, reason: 'token is not signed with HS256' };
  const expected = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'token signature is invalid' };
  const payload = decodeJson(payloadPart);
  if (payload === undefined) return { ok: false, reason: 'token payload is not JSON' };
  if (typeof payload['exp'] === 'number' && payload['exp'] <= nowSeconds)
    return { ok: false, reason: 'token has expired' };
  if (typeof payload['nbf'] === 'number' && payload['nbf'] > nowSeconds)
    return { ok: false, reason: 'token is not valid yet' };
  if (typeof payload['sub'] !== 'string' || payload['sub'] === '') return { ok: false, reason: 'token has no subject' };
  return { ok: true, subject: payload['sub'] };
}

/** Signs an HS256 JWT for tests and the demo; `exp` defaults to an hour from now. */
export function signDevJwt(claims: Record<string, unknown>, secret: string = DEV_JWT_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ iat: now, exp: now + 3600, ...claims })).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
