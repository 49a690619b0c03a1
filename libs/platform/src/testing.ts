import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { DEV_JWT_SECRET } from './auth/dev-secret.constants';
import { createService } from './bootstrap/create-service';
import { ShutdownCoordinator } from './shutdown/shutdown-coordinator.service';
import type { FuzzCredential } from './testing/openapi-fuzz';

export interface TestTokenOptions {
  sub?: string;
  /** Omitted from the token when not given. */
  roles?: string[];
  /** Seconds from now (negative gives an expired token) or a jose span such as '1h'. Default 1h. */
  expiresIn?: number | string;
  /** Default: JWT_SECRET, else the dev secret (what the service under test verifies with). */
  secret?: string;
  /** 'none' gives an unsigned token; another HMAC alg (HS512) tests algorithm pinning. */
  alg?: 'HS256' | 'HS384' | 'HS512' | 'none';
  issuer?: string;
  audience?: string;
  claims?: Record<string, unknown>;
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT as the service under test expects it (HS256 with its secret), or a deliberately bad one. */
export async function signTestToken(options: TestTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { sub = 'test-user', roles, expiresIn = 3600, alg = 'HS256', claims = {} } = options;
  const exp = typeof expiresIn === 'number' ? now + expiresIn : undefined;
  const iat = exp !== undefined && exp <= now ? exp - 60 : now;
  const payload = { ...claims, ...(roles ? { roles } : {}), ...(sub ? { sub } : {}) };

  if (alg === 'none') {
    return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...payload, iat, exp: exp ?? now + 3600 })}.`;
  }
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(exp ?? (expiresIn as string));
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  const secret = options.secret ?? process.env['JWT_SECRET'] ?? DEV_JWT_SECRET;
  return jwt.sign(new TextEncoder().encode(secret));
}

export interface TestService {
  app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Closes the app at once (no shutdown delay); safe to call after a shutdown test closed it. */
  close(): Promise<void>;
}

/** createService + listen on 127.0.0.1, port 0. Set LOG_LEVEL=silent in the test for quiet output. */
export async function startTestService(
  appModule: Type<unknown> | DynamicModule,
  options: { name?: string } = {},
): Promise<TestService> {
  const app = await createService(appModule, { name: options.name ?? 'test-service' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  const shutdown = app.get(ShutdownCoordinator);
  return { app, url, close: () => shutdown.shutdown({ reason: 'test finished', delayMs: 0 }) };
}
export { captureProcessOutput, type CapturedOutput } from './testing/capture-output';
export { callJson, type Answer } from './testing/call-json';
export {
  dashboardQueries,
  exposedMetricNames,
  promqlMetricNames,
  unexposedQueryMetrics,
  type DashboardQuery,
} from './testing/promql-metric-names';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './testing/otlp-receiver';
export {
  fuzzOpenApi,
  fuzzSettings,
  formatFuzzReport,
  undoCircuitIsolation,
  type OpenApiFuzzOptions,
  type OpenApiFuzzReport,
  type FuzzCredential,
  type WireAnswer,
  type WireRequest,
  type OpenApiDocument,
} from './testing/openapi-fuzz';

/**
 * Credentials for `fuzzOpenApi`: a signed token per subject (with `roles`, weighted to reach the
 * deep paths) plus the bad ones every route must refuse with a 401: none, garbage, expired, unsigned,
 * signed with another secret.
 */
export async function fuzzCredentials(
  subjects: Array<{ sub: string; roles?: string[]; weight?: number }>,
): Promise<FuzzCredential[]> {
  const good = await Promise.all(
    subjects.map(async ({ sub, roles, weight = 4 }) => ({
      label: `${sub}${roles ? `[${roles.join(',')}]` : ''}`,
      token: await signTestToken({ sub, roles }),
      weight,
    })),
  );
  return [
    ...good,
    { label: 'none' },
    { label: 'garbage', token: 'not.a.jwt' },
    { label: 'expired', token: await signTestToken({ sub: subjects[0]?.sub, expiresIn: -60 }) },
    { label: 'alg-none', token: await signTestToken({ sub: subjects[0]?.sub, roles: ['admin'], alg: 'none' }) },
    {
      label: 'other-secret',
      token: await signTestToken({
        sub: subjects[0]?.sub,
        roles: ['admin'],
        secret: 'not-the-service-secret-0123456789abcdef',
      }),
    },
  ];
}
