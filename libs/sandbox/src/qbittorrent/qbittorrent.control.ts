import { readJsonBody } from '../kernel/body';
import type { RequestContext, Route } from '../kernel/emulator.types';
import { sendJson, sendNoContent, sendProblem } from '../kernel/respond';
import { syncTorrent } from './qbittorrent.disk';
import { freeze, thaw } from './qbittorrent.progress';
import type { QbtRuntime } from './qbittorrent.runtime';
import type { StickyTorrentState } from './qbittorrent.types';

/** qBittorrent's own test controls; under `/_sandbox/`, so never counted in stats nor faulted. */
export const QBITTORRENT_CONTROL_PREFIX = '/_sandbox/qbittorrent';

const STICKY_STATES: readonly StickyTorrentState[] = ['error', 'missingFiles', 'stalledDL'];

/** The test controls, callable in-process; the HTTP routes below call the same functions. */
export interface QbittorrentControls {
  /** Drops every session, as an expiry or a restart would; clients get 403 until they log in again. */
  expireSessions(): void;
  /** Pins a torrent to a failure state (its clock stops), or `null` to let it run again. False for an unknown hash. */
  setTorrentState(hash: string, state: StickyTorrentState | null): boolean;
  /** Finishes a torrent now: progress 1, files written in full. False for an unknown hash. */
  completeTorrent(hash: string): boolean;
}

export function qbittorrentControls(runtime: QbtRuntime): QbittorrentControls {
  return {
    expireSessions: () => runtime.sessions.clear(),
    setTorrentState: (hash, state) => {
      const torrent = runtime.store.torrents.get(hash.toLowerCase());
      if (torrent === undefined) return false;
      const now = Date.now();
      freeze(torrent, now);
      torrent.sticky = state;
      thaw(torrent, now);
      return true;
    },
    completeTorrent: (hash) => {
      const torrent = runtime.store.torrents.get(hash.toLowerCase());
      if (torrent === undefined) return false;
      const now = Date.now();
      freeze(torrent, now);
      torrent.activeMs = torrent.downloadMs;
      thaw(torrent, now);
      syncTorrent(torrent, runtime.version, now);
      return true;
    },
  };
}

export function controlRoutes(controls: QbittorrentControls): Route[] {
  return [
    {
      method: 'POST',
      path: `${QBITTORRENT_CONTROL_PREFIX}/expire-sessions`,
      handler: (ctx) => {
        controls.expireSessions();
        sendNoContent(ctx.res);
      },
    },
    {
      method: 'POST',
      path: `${QBITTORRENT_CONTROL_PREFIX}/torrents/:hash/state`,
      handler: (ctx) => setState(ctx, controls),
    },
    {
      method: 'POST',
      path: `${QBITTORRENT_CONTROL_PREFIX}/torrents/:hash/complete`,
      handler: (ctx) => {
        if (!controls.completeTorrent(ctx.params['hash']))
          return sendProblem(ctx.res, 404, `No torrent ${ctx.params['hash']}`);
        sendNoContent(ctx.res);
      },
    },
  ];
}

async function setState(ctx: RequestContext, controls: QbittorrentControls): Promise<void> {
  const body = (await readJsonBody(ctx.req).catch(() => null)) as { state?: unknown } | null;
  const state = body?.state;
  if (state !== null && !STICKY_STATES.includes(state as StickyTorrentState)) {
    return sendProblem(ctx.res, 400, `state must be one of ${STICKY_STATES.join(', ')} or null`);
  }
  const hash = ctx.params['hash'];
  if (!controls.setTorrentState(hash, state as StickyTorrentState | null))
    return sendProblem(ctx.res, 404, `No torrent ${hash}`);
  sendJson(ctx.res, 200, { hash: hash.toLowerCase(), state });
}
