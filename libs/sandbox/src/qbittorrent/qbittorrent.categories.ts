import type { RequestContext, Route } from '../kernel/emulator.types';
import { TEXT } from './qbittorrent.constants';
import { readForm } from './qbittorrent.form';
import { sendQbtJson, sendText } from './qbittorrent.respond';
import type { QbtRuntime } from './qbittorrent.runtime';
import { pick, postAction, readAction } from './qbittorrent.torrents';

const API = '/api/v2/torrents';

export function categoryRoutes(runtime: QbtRuntime): Route[] {
  return [
    ...readAction(runtime, `${API}/categories`, (ctx) =>
      sendQbtJson(ctx.res, Object.fromEntries(runtime.store.categories)),
    ),
    ...postAction(runtime, `${API}/createCategory`, (ctx) => upsertCategory(ctx, runtime, 'create')),
    ...postAction(runtime, `${API}/editCategory`, (ctx) => upsertCategory(ctx, runtime, 'edit')),
    ...postAction(runtime, `${API}/removeCategories`, (ctx) => removeCategories(ctx, runtime)),
    ...postAction(runtime, `${API}/setCategory`, (ctx) => setCategory(ctx, runtime)),
  ];
}

async function upsertCategory(ctx: RequestContext, runtime: QbtRuntime, mode: 'create' | 'edit'): Promise<void> {
  const form = await readForm(ctx);
  const name = (form.get('category') ?? '').trim();
  if (name === '') return sendText(ctx.res, 400, TEXT.badRequest);
  const exists = runtime.store.categories.has(name);
  if (mode === 'create' && exists) return sendText(ctx.res, 409, 'Unable to create category');
  if (mode === 'edit' && !exists) return sendText(ctx.res, 409, 'Unable to edit category');
  runtime.store.categories.set(name, { name, savePath: form.get('savePath') ?? '' });
  sendText(ctx.res, 200, '');
}

async function removeCategories(ctx: RequestContext, runtime: QbtRuntime): Promise<void> {
  const names = ((await readForm(ctx)).get('categories') ?? '').split('\n').map((name) => name.trim());
  for (const name of names) {
    if (!runtime.store.categories.delete(name)) continue;
    for (const torrent of runtime.store.torrents.values()) if (torrent.category === name) torrent.category = '';
  }
  sendText(ctx.res, 200, '');
}

/** Radarr's "imported" category move; an empty name clears the category. */
async function setCategory(ctx: RequestContext, runtime: QbtRuntime): Promise<void> {
  const form = await readForm(ctx);
  const category = form.get('category');
  if (form.get('hashes') === undefined || category === undefined) return sendText(ctx.res, 400, TEXT.badRequest);
  if (category !== '' && !runtime.store.categories.has(category))
    return sendText(ctx.res, 409, 'Incorrect category name');
  for (const torrent of pick(runtime, form.get('hashes'))) torrent.category = category;
  sendText(ctx.res, 200, '');
}
