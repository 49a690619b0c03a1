import type { IncomingMessage } from 'node:http';
import type { RequestContext, Route, RouteHandler } from '../kernel/emulator.types';
import { TEXT } from './qbittorrent.constants';
import { readForm } from './qbittorrent.form';
import { sendText } from './qbittorrent.respond';
import type { QbtRuntime } from './qbittorrent.runtime';

/** 5.2 names the cookie after the WebUI port, so two instances on one host keep separate sessions. */
export function sessionCookieName(runtime: QbtRuntime, req: IncomingMessage): string {
  return runtime.version === '5.2.0' ? `QBT_SID_${req.socket.localPort ?? 0}` : 'SID';
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** qBittorrent's CSRF rule: an `Origin` or `Referer` must name the same host:port as `Host`. */
function isCrossSite(req: IncomingMessage): boolean {
  const host = req.headers.host?.toLowerCase();
  for (const header of [req.headers.origin, req.headers.referer]) {
    if (header === undefined || header === '') continue;
    try {
      if (new URL(header).host.toLowerCase() !== host) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** The checks qBittorrent runs before any action: CSRF (401), then the session (403). */
export function guarded(
  runtime: QbtRuntime,
  handler: RouteHandler,
  access: 'public' | 'session' = 'session',
): RouteHandler {
  return (ctx) => {
    if (isCrossSite(ctx.req)) return sendText(ctx.res, 401, TEXT.unauthorized);
    if (access === 'session' && !runtime.sessions.has(readCookie(ctx.req, sessionCookieName(runtime, ctx.req)))) {
      return sendText(ctx.res, 403, TEXT.forbidden);
    }
    return handler(ctx);
  };
}

export function authRoutes(runtime: QbtRuntime): Route[] {
  return [
    { method: 'POST', path: '/api/v2/auth/login', handler: guarded(runtime, (ctx) => login(ctx, runtime), 'public') },
    { method: 'POST', path: '/api/v2/auth/logout', handler: guarded(runtime, (ctx) => logout(ctx, runtime)) },
  ];
}

async function login(ctx: RequestContext, runtime: QbtRuntime): Promise<void> {
  const ip = ctx.req.socket.remoteAddress ?? 'unknown';
  const now = Date.now();
  // A banned IP is refused even with the right password.
  if (runtime.bans.isBanned(ip, now)) return sendText(ctx.res, 403, TEXT.banned);
  const form = await readForm(ctx);
  const modern = runtime.version === '5.2.0';
  if (form.get('username') !== runtime.username || form.get('password') !== runtime.password) {
    runtime.bans.recordFailure(ip, now);
    return modern ? sendText(ctx.res, 401, '') : sendText(ctx.res, 200, TEXT.fails);
  }
  runtime.bans.recordSuccess(ip);
  const cookie = `${sessionCookieName(runtime, ctx.req)}=${runtime.sessions.open()}; HttpOnly; path=/; SameSite=Strict`;
  if (!modern) return sendText(ctx.res, 200, TEXT.ok, { 'set-cookie': cookie });
  ctx.res.writeHead(204, { 'set-cookie': cookie });
  ctx.res.end();
}

function logout(ctx: RequestContext, runtime: QbtRuntime): void {
  const name = sessionCookieName(runtime, ctx.req);
  runtime.sessions.close(readCookie(ctx.req, name));
  sendText(ctx.res, 200, '', {
    'set-cookie': `${name}=; HttpOnly; path=/; SameSite=Strict; expires=Thu, 01 Jan 1970 00:00:00 GMT`,
  });
}
