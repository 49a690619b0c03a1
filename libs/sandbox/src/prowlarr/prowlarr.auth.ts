import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext, RouteHandler } from '../kernel/emulator.types';
import type { SearchLogEntry } from './prowlarr.state';

export type ApiKeySource = SearchLogEntry['apiKeyVia'];

/** The presented key and where it came from, in Prowlarr's order: `apikey` query, `X-Api-Key`, bearer. */
export function presentedApiKey(
  req: IncomingMessage,
  query: URLSearchParams,
): { key: string | null; via: ApiKeySource } {
  const fromQuery = query.get('apikey');
  if (fromQuery !== null) return { key: fromQuery, via: 'query' };
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') return { key: header, via: 'header' };
  const authorization = req.headers.authorization;
  if (authorization !== undefined && /^bearer /i.test(authorization))
    return { key: authorization.slice(7).trim(), via: 'bearer' };
  return { key: null, via: 'none' };
}

/** Prowlarr's challenge: 401 with an empty body (`ApiKeyAuthenticationHandler.HandleChallengeAsync`). */
export function sendUnauthorized(res: ServerResponse): void {
  res.writeHead(401, { 'content-length': 0 });
  res.end();
}

export function requireApiKey(apiKey: string, handler: RouteHandler): RouteHandler {
  return (ctx: RequestContext) => {
    if (presentedApiKey(ctx.req, ctx.query).key !== apiKey) return sendUnauthorized(ctx.res);
    return handler(ctx);
  };
}
