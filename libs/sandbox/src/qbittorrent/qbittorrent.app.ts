import type { Route } from '../kernel/emulator.types';
import { WEBAPI_VERSIONS } from './qbittorrent.constants';
import { sendQbtJson, sendText } from './qbittorrent.respond';
import type { QbtRuntime } from './qbittorrent.runtime';
import { readAction } from './qbittorrent.torrents';

const API = '/api/v2';

/** `app/*` and tags: what a client reads to pick its wording and check seeding limits. */
export function appRoutes(runtime: QbtRuntime): Route[] {
  return [
    ...readAction(runtime, `${API}/app/version`, (ctx) => sendText(ctx.res, 200, `v${runtime.version}`)),
    ...readAction(runtime, `${API}/app/webapiVersion`, (ctx) =>
      sendText(ctx.res, 200, WEBAPI_VERSIONS[runtime.version]),
    ),
    ...readAction(runtime, `${API}/app/preferences`, (ctx) =>
      // The subset Radarr reads (`QBittorrentPreferences`); seeding limits off, as on a fresh install.
      sendQbtJson(ctx.res, {
        save_path: runtime.downloadRoot,
        temp_path_enabled: false,
        max_ratio_enabled: false,
        max_ratio: -1,
        max_seeding_time_enabled: false,
        max_seeding_time: -1,
        max_ratio_act: 0,
        queueing_enabled: false,
        dht: false,
        web_ui_port: ctx.req.socket.localPort ?? 0,
      }),
    ),
    ...readAction(runtime, `${API}/torrents/tags`, (ctx) => sendQbtJson(ctx.res, [...runtime.store.tags])),
    // Not qBittorrent's: every sandbox emulator answers a public health probe (sandbox.spec.ts).
    { method: 'GET', path: '/health', handler: (ctx) => sendQbtJson(ctx.res, { status: 'ok' }) },
  ];
}
