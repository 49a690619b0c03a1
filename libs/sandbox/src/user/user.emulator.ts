import { requireBearer } from '../kernel/auth';
import { startEmulator } from '../kernel/emulator-server';
import type { RequestContext, Route, RunningEmulator } from '../kernel/emulator.types';
import { sendProblem, sendRawJson } from '../kernel/respond';
import { USER_SEED, type UserSeed } from './user.seed';

export interface UserEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** Replaces the seed, e.g. to add users for a scenario. */
  seed?: UserSeed;
}

const HEALTH_OK = JSON.stringify({ status: 'ok' });

interface UserAnswers {
  readonly user: string;
  readonly roles: string;
}

/** User service emulator (contracts/internal-services.md, "User service [3103]"). */
export function startUserEmulator(options: UserEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ name: 'user', port: options.port ?? 0, host: options.host, routes: userRoutes(options.seed) });
}

export function userRoutes(seed: UserSeed = USER_SEED): Route[] {
  const users = indexSeed(seed);
  return [
    { method: 'GET', path: '/api/v1/users/:id', handler: requireBearer((ctx) => answer(ctx, users, 'user')) },
    { method: 'GET', path: '/api/v1/users/:id/roles', handler: requireBearer((ctx) => answer(ctx, users, 'roles')) },
    { method: 'GET', path: '/health', handler: (ctx) => sendRawJson(ctx.res, 200, HEALTH_OK) },
  ];
}

function answer(ctx: RequestContext, users: ReadonlyMap<string, UserAnswers>, which: keyof UserAnswers): void {
  const found = users.get(ctx.params.id);
  if (found === undefined) return sendProblem(ctx.res, 404, `User '${ctx.params.id}' not found`);
  sendRawJson(ctx.res, 200, found[which]);
}

/** Serialises every answer once, so the request path only looks strings up. */
function indexSeed(seed: UserSeed): Map<string, UserAnswers> {
  const users = new Map<string, UserAnswers>();
  for (const { id, email, displayName, roles, active } of seed.users) {
    if (users.has(id)) throw new Error(`User seed: duplicate user '${id}'`);
    users.set(id, {
      user: JSON.stringify({ id, email, displayName, roles, active }),
      roles: JSON.stringify({ roles }),
    });
  }
  return users;
}
