#!/usr/bin/env node
// Mints an HS256 JWT that Keel services accept in development:
//   npm run token -- --sub u1 [--roles admin,media:write] [--scope "openid media:write"] [--ttl 1h]
// Signed with JWT_SECRET, or with the public dev secret the services fall back to when it is unset.
// JWT_ISSUER / JWT_AUDIENCE are added when set, and the roles go under the first JWT_ROLES_CLAIM
// path (e.g. realm_access.roles) when it is set, so the token passes a service configured with them.
const { parseArgs } = require('node:util');
const { SignJWT } = require('jose');

// Same value as DEV_JWT_SECRET in libs/platform/src/auth/dev-secret.constants.ts (keep them equal).
const DEV_JWT_SECRET = 'keel-dev-secret-do-not-use-in-production';
const TTL = /^\d+\s*(s|m|h|d)?$/;

function usage(message) {
  if (message) console.error(`token: ${message}`);
  console.error(
    'usage: npm run token -- --sub <user id> [--roles admin,media:write] [--scope "openid media:write"] [--ttl 1h]',
  );
  process.exit(message ? 2 : 0);
}

/**
 * `{ roles }`, or the roles nested under the first JWT_ROLES_CLAIM path; a URL-like name (an Auth0 namespace) is one
 * name.
 */
function rolesClaim(roles) {
  const path = (process.env.JWT_ROLES_CLAIM ?? '').split(',')[0].trim() || 'roles';
  const names = path.includes('/') ? [path] : path.split('.');
  return names.reduceRight((value, name) => ({ [name]: value }), roles);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        roles: { type: 'string' },
        scope: { type: 'string' },
        ttl: { type: 'string', default: '1h' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    usage(error.message);
  }
  if (values.help) usage();
  if (!values.sub) usage('--sub is required');
  if (!TTL.test(values.ttl)) usage(`--ttl must look like 3600, 30m, 1h or 7d; got "${values.ttl}"`);

  const roles = (values.roles ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const secret = process.env.JWT_SECRET?.trim() || DEV_JWT_SECRET;
  // A bare number is seconds from now; jose reads a bare number as an absolute timestamp.
  const ttl = /^\d+$/.test(values.ttl) ? `${values.ttl}s` : values.ttl.replace(/\s+/g, '');

  const scope = values.scope?.trim();
  const jwt = new SignJWT({ ...rolesClaim(roles), ...(scope ? { scope } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(values.sub)
    .setIssuedAt()
    .setExpirationTime(ttl);
  if (process.env.JWT_ISSUER) jwt.setIssuer(process.env.JWT_ISSUER);
  if (process.env.JWT_AUDIENCE) jwt.setAudience(process.env.JWT_AUDIENCE.split(',').map((a) => a.trim()));
  process.stdout.write(`${await jwt.sign(new TextEncoder().encode(secret))}\n`);
}

main().catch((error) => {
  console.error(`token: ${error.message}`);
  process.exit(1);
});
