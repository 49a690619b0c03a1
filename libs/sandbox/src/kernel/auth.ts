import type { IncomingMessage } from 'node:http';
import type { RouteHandler } from './emulator.types';
import { sendProblem } from './respond';

/** Presence check only: the sandbox never verifies, stores or logs a token. */
export function hasBearerToken(req: IncomingMessage): boolean {
  const header = req.headers.authorization;
  return (
    typeof header === 'string' &&
    header.length > 7 &&
    header.slice(0, 7).toLowerCase() === 'bearer ' &&
    header.slice(7).trim() !== ''
  );
}

/** Wraps a handler so that it answers 401 problem+json without `Authorization: Bearer <token>`. */
export function requireBearer(handler: RouteHandler): RouteHandler {
  return (ctx) => {
    if (hasBearerToken(ctx.req)) return handler(ctx);
    sendProblem(ctx.res, 401, 'Missing Authorization: Bearer <token> header', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  };
}
