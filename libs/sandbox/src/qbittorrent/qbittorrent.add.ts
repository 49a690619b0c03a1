import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BodyError } from '../kernel/body';
import type { RequestContext } from '../kernel/emulator.types';
import { ADD_BODY_LIMIT, TEXT, usesStopWording } from './qbittorrent.constants';
import { syncTorrent } from './qbittorrent.disk';
import { isTrue, readForm, type QbtForm } from './qbittorrent.form';
import { layoutTorrent } from './qbittorrent.layout';
import { sendQbtJson, sendText } from './qbittorrent.respond';
import type { QbtRuntime } from './qbittorrent.runtime';
import { fetchTorrentUrl, parseMagnet, parseTorrentFile, type TorrentSource } from './qbittorrent.source';
import type { ContentLayout, QbtTorrent } from './qbittorrent.types';

const LAYOUTS: readonly ContentLayout[] = ['Original', 'Subfolder', 'NoSubfolder'];

/** `POST /api/v2/torrents/add`. */
export async function addTorrents(ctx: RequestContext, runtime: QbtRuntime): Promise<void> {
  let form: QbtForm;
  try {
    form = await readForm(ctx, ADD_BODY_LIMIT);
  } catch (err) {
    return sendText(
      ctx.res,
      err instanceof BodyError ? err.status : 400,
      err instanceof Error ? err.message : TEXT.badRequest,
    );
  }
  const fromFiles: TorrentSource[] = [];
  for (const file of form.files) {
    const source = parseTorrentFile(file.bytes);
    // Checked before anything is added, so a 415 never leaves half a request behind.
    if (source === null) return sendText(ctx.res, 415, `Error: '${file.filename}' is not a valid torrent file.`);
    fromFiles.push(source);
  }
  const urls = (form.get('urls') ?? '')
    .split('\n')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  const fromUrls = await Promise.all(
    urls.map((url) => (/^https?:\/\//i.test(url) ? fetchTorrentUrl(url) : parseMagnet(url))),
  );

  let failures = fromUrls.filter((source) => source === null).length;
  const added: string[] = [];
  for (const source of [...fromUrls, ...fromFiles]) {
    if (source === null) continue;
    if (runtime.store.torrents.has(source.hash)) failures++;
    else added.push(addOne(source, form, runtime).hash);
  }
  respond(ctx, runtime, added, failures);
}

function respond(ctx: RequestContext, runtime: QbtRuntime, added: string[], failures: number): void {
  if (runtime.version === '5.2.0') {
    const body = { success_count: added.length, failure_count: failures, pending_count: 0, added_torrent_ids: added };
    return sendQbtJson(ctx.res, body, added.length > 0 ? 200 : 409);
  }
  sendText(ctx.res, 200, added.length > 0 ? TEXT.ok : TEXT.fails);
}

function addOne(source: TorrentSource, form: QbtForm, runtime: QbtRuntime): QbtTorrent {
  const now = Date.now();
  const category = (form.get('category') ?? '').trim();
  // qBittorrent creates a category it has not seen rather than refusing the torrent.
  if (category !== '' && !runtime.store.categories.has(category))
    runtime.store.categories.set(category, { name: category, savePath: '' });
  const tags = (form.get('tags') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  for (const tag of tags) runtime.store.tags.add(tag);
  const autoTmm = isTrue(form.get('autoTMM'));
  const savePath = resolveSavePath(form.get('savepath'), autoTmm, category, runtime);
  const name = form.get('rename')?.trim() || source.name;
  const layoutParam = form.get('contentLayout') as ContentLayout | undefined;
  const contentLayout = layoutParam !== undefined && LAYOUTS.includes(layoutParam) ? layoutParam : 'Original';
  const layout = layoutTorrent(source, name, { savePath, contentLayout, withSample: runtime.withSample });
  // 4.x reads `paused`, 5.x reads `stopped`; each ignores the other's word.
  const paused = isTrue(form.get(usesStopWording(runtime.version) ? 'stopped' : 'paused'));
  const skipChecking = isTrue(form.get('skip_checking')) && !source.fromMagnet;

  mkdirSync(savePath, { recursive: true });
  const torrent: QbtTorrent = {
    hash: source.hash,
    name,
    magnetUri: source.magnetUri,
    savePath,
    contentPath: layout.contentPath,
    category,
    tags,
    autoTmm,
    totalSize: source.totalSize,
    files: layout.files,
    fromMagnet: source.fromMagnet,
    downloadMs: runtime.downloadMs,
    addedOn: Math.floor(now / 1000),
    completionOn: null,
    // skip_checking trusts that the data is already there, so the torrent starts complete.
    activeMs: skipChecking ? runtime.downloadMs : 0,
    runningSince: paused ? null : now,
    paused,
    sticky: null,
  };
  runtime.store.torrents.set(torrent.hash, torrent);
  if (skipChecking) syncTorrent(torrent, runtime.version, now);
  return torrent;
}

/** A category's path applies only with `autoTMM=true`; otherwise `savepath` or the default (notes §2.3). */
function resolveSavePath(
  requested: string | undefined,
  autoTmm: boolean,
  category: string,
  runtime: QbtRuntime,
): string {
  if (requested !== undefined && requested.trim() !== '') return requested.trim();
  if (!autoTmm || category === '') return runtime.downloadRoot;
  const categoryPath = runtime.store.categories.get(category)?.savePath ?? '';
  if (categoryPath === '') return join(runtime.downloadRoot, category);
  return isAbsolute(categoryPath) ? categoryPath : join(runtime.downloadRoot, categoryPath);
}
