import { requireBearer } from '../kernel/auth';
import { startEmulator } from '../kernel/emulator-server';
import type { RequestContext, Route, RunningEmulator } from '../kernel/emulator.types';
import { sendProblem, sendRawJson } from '../kernel/respond';
import { LIBRARY_SEED, type LibrarySeed } from './library.seed';
import { offsetCursor, parseLimit } from '../kernel/pagination';

export interface LibraryEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** Replaces the contract's seed, e.g. to page through a larger library. */
  seed?: LibrarySeed;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const CURSOR = offsetCursor('o');
const HEALTH_OK = JSON.stringify({ status: 'ok' });

interface UserIndex {
  /** gameId → the serialised ownership answer, for every known game. */
  readonly ownership: ReadonlyMap<string, string>;
  /** The serialised entries of the games list, in listing order. */
  readonly listEntries: readonly string[];
}

/** Library service emulator (contracts/internal-services.md, "Library service [3101]"). */
export function startLibraryEmulator(options: LibraryEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    name: 'library',
    port: options.port ?? 0,
    host: options.host,
    routes: libraryRoutes(options.seed),
  });
}

export function libraryRoutes(seed: LibrarySeed = LIBRARY_SEED): Route[] {
  const users = indexSeed(seed);
  return [
    {
      method: 'GET',
      path: '/api/v1/users/:userId/games/:gameId/ownership',
      handler: requireBearer((ctx) => getOwnership(ctx, users)),
    },
    { method: 'GET', path: '/api/v1/users/:userId/games', handler: requireBearer((ctx) => listGames(ctx, users)) },
    { method: 'GET', path: '/health', handler: (ctx) => sendRawJson(ctx.res, 200, HEALTH_OK) },
  ];
}

function getOwnership(ctx: RequestContext, users: ReadonlyMap<string, UserIndex>): void {
  const { userId, gameId } = ctx.params;
  const user = users.get(userId);
  if (user === undefined) return sendProblem(ctx.res, 404, `User '${userId}' not found`);
  const body = user.ownership.get(gameId);
  if (body === undefined) return sendProblem(ctx.res, 404, `Game '${gameId}' not found`);
  sendRawJson(ctx.res, 200, body);
}

function listGames(ctx: RequestContext, users: ReadonlyMap<string, UserIndex>): void {
  const limit = parseLimit(ctx.query.get('limit'), { fallback: DEFAULT_LIMIT, max: MAX_LIMIT });
  if (limit === null) return sendProblem(ctx.res, 400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const cursor = ctx.query.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : CURSOR.decode(cursor);
  if (offset === null) return sendProblem(ctx.res, 400, 'cursor is not a cursor this service issued');
  const user = users.get(ctx.params.userId);
  if (user === undefined) return sendProblem(ctx.res, 404, `User '${ctx.params.userId}' not found`);
  if (offset > user.listEntries.length) return sendProblem(ctx.res, 400, 'cursor is past the end of the list');

  const end = offset + limit;
  const nextCursor = end < user.listEntries.length ? JSON.stringify(CURSOR.encode(end)) : 'null';
  const page = user.listEntries.slice(offset, end).join(',');
  sendRawJson(ctx.res, 200, `{"games":[${page}],"nextCursor":${nextCursor}}`);
}

/** Serialises every answer once, so the request path only looks strings up. */
function indexSeed(seed: LibrarySeed): Map<string, UserIndex> {
  const games = new Map(seed.games.map((game) => [game.gameId, game]));
  const users = new Map<string, UserIndex>();
  for (const [userId, owned] of Object.entries(seed.users)) {
    const acquired = new Map(owned.map((entry) => [entry.gameId, entry.acquiredAt]));
    const ownership = new Map<string, string>();
    for (const gameId of games.keys()) {
      const acquiredAt = acquired.get(gameId) ?? null;
      ownership.set(gameId, JSON.stringify({ userId, gameId, owned: acquiredAt !== null, acquiredAt }));
    }
    const listEntries = owned.map((entry) => {
      const game = games.get(entry.gameId);
      if (game === undefined) throw new Error(`Library seed: user '${userId}' owns unknown game '${entry.gameId}'`);
      const { gameId, title, sizeBytes, platforms } = game;
      return JSON.stringify({ gameId, title, sizeBytes, platforms, acquiredAt: entry.acquiredAt });
    });
    users.set(userId, { ownership, listEntries });
  }
  return users;
}
