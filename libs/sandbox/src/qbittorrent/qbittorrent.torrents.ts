import type { RequestContext, Route, RouteHandler } from '../kernel/emulator.types';
import { addTorrents } from './qbittorrent.add';
import { guarded } from './qbittorrent.auth';
import { TEXT, usesStopWording } from './qbittorrent.constants';
import { deleteTorrentFiles, syncTorrent } from './qbittorrent.disk';
import { selectTorrents } from './qbittorrent.filter';
import { isTrue, parseHashes, readForm } from './qbittorrent.form';
import { freeze, snapshot, thaw } from './qbittorrent.progress';
import { sendQbtJson, sendText } from './qbittorrent.respond';
import type { QbtRuntime } from './qbittorrent.runtime';
import { toFiles, toInfo, toProperties } from './qbittorrent.serialize';
import type { QbtTorrent } from './qbittorrent.types';

const API = '/api/v2';

/** An action only POST may call: qBittorrent answers a GET with 405. */
export function postAction(runtime: QbtRuntime, path: string, handler: RouteHandler): Route[] {
  return [
    { method: 'POST', path, handler: guarded(runtime, handler) },
    { method: 'GET', path, handler: guarded(runtime, (ctx) => sendText(ctx.res, 405, TEXT.methodNotAllowed)) },
  ];
}

/** A read that qBittorrent serves on GET and POST alike. */
export function readAction(runtime: QbtRuntime, path: string, handler: RouteHandler): Route[] {
  const wrapped = guarded(runtime, handler);
  return [
    { method: 'GET', path, handler: wrapped },
    { method: 'POST', path, handler: wrapped },
  ];
}

/** A route this version does not have (pause on 5.x, stop on 4.x): 404 once past the session check. */
function missing(runtime: QbtRuntime, path: string): Route[] {
  const handler = guarded(runtime, (ctx) => sendText(ctx.res, 404, TEXT.notFound));
  return [
    { method: 'POST', path, handler },
    { method: 'GET', path, handler },
  ];
}

export function torrentRoutes(runtime: QbtRuntime): Route[] {
  const stopWording = usesStopWording(runtime.version);
  const [pause, resume] = stopWording ? ['stop', 'start'] : ['pause', 'resume'];
  const [otherPause, otherResume] = stopWording ? ['pause', 'resume'] : ['stop', 'start'];
  return [
    ...postAction(runtime, `${API}/torrents/add`, (ctx) => addTorrents(ctx, runtime)),
    ...readAction(runtime, `${API}/torrents/info`, (ctx) => listInfo(ctx, runtime)),
    ...readAction(runtime, `${API}/torrents/files`, (ctx) => describeOne(ctx, runtime, 'files')),
    ...readAction(runtime, `${API}/torrents/properties`, (ctx) => describeOne(ctx, runtime, 'properties')),
    ...postAction(runtime, `${API}/torrents/${pause}`, (ctx) => setPaused(ctx, runtime, true)),
    ...postAction(runtime, `${API}/torrents/${resume}`, (ctx) => setPaused(ctx, runtime, false)),
    ...missing(runtime, `${API}/torrents/${otherPause}`),
    ...missing(runtime, `${API}/torrents/${otherResume}`),
    ...postAction(runtime, `${API}/torrents/delete`, (ctx) => deleteTorrents(ctx, runtime)),
  ];
}

/** Brings the disk up to date first, so a torrent reported complete has its files in place. */
function viewOf(torrent: QbtTorrent, runtime: QbtRuntime, now: number) {
  if (torrent.completionOn === null) syncTorrent(torrent, runtime.version, now);
  return snapshot(torrent, runtime.version, now);
}

async function listInfo(ctx: RequestContext, runtime: QbtRuntime): Promise<void> {
  const form = await readForm(ctx);
  const now = Date.now();
  const hashes = parseHashes(form.get('hashes'));
  const picked = [...runtime.store.torrents.values()].filter(
    (t) => hashes === 'all' || hashes.length === 0 || hashes.includes(t.hash),
  );
  const all = picked.map((torrent) => toInfo(torrent, viewOf(torrent, runtime, now), runtime.version, now));
  sendQbtJson(ctx.res, selectTorrents(all, form.get, runtime.version));
}

async function describeOne(ctx: RequestContext, runtime: QbtRuntime, what: 'files' | 'properties'): Promise<void> {
  const hash = (await readForm(ctx)).get('hash')?.toLowerCase();
  if (hash === undefined) return sendText(ctx.res, 400, TEXT.badRequest);
  const torrent = runtime.store.torrents.get(hash);
  if (torrent === undefined) return sendText(ctx.res, 404, TEXT.notFound);
  const now = Date.now();
  const view = viewOf(torrent, runtime, now);
  sendQbtJson(ctx.res, what === 'files' ? toFiles(torrent, view) : toProperties(torrent, view, now));
}

async function setPaused(ctx: RequestContext, runtime: QbtRuntime, paused: boolean): Promise<void> {
  const now = Date.now();
  for (const torrent of pick(runtime, (await readForm(ctx)).get('hashes'))) {
    if (paused) {
      freeze(torrent, now);
      torrent.paused = true;
    } else {
      torrent.paused = false;
      thaw(torrent, now);
    }
  }
  sendText(ctx.res, 200, '');
}

async function deleteTorrents(ctx: RequestContext, runtime: QbtRuntime): Promise<void> {
  const form = await readForm(ctx);
  const deleteFiles = form.get('deleteFiles');
  // `requireParams` in qBittorrent: no deleteFiles, no delete.
  if (form.get('hashes') === undefined || deleteFiles === undefined) return sendText(ctx.res, 400, TEXT.badRequest);
  for (const torrent of pick(runtime, form.get('hashes'))) {
    runtime.store.torrents.delete(torrent.hash);
    if (isTrue(deleteFiles)) deleteTorrentFiles(torrent);
  }
  sendText(ctx.res, 200, '');
}

/** Unknown hashes are skipped silently, as qBittorrent does. */
export function pick(runtime: QbtRuntime, hashesParam: string | undefined): QbtTorrent[] {
  const hashes = parseHashes(hashesParam);
  if (hashes === 'all') return [...runtime.store.torrents.values()];
  return hashes.flatMap((hash) => runtime.store.torrents.get(hash) ?? []);
}
