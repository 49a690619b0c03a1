import type { AddTorrentRequest } from './qbittorrent.types';
import type { WebApiDialect } from './webapi-version';

/**
 * The `torrents/add` body: multipart when file bytes go along (qBittorrent reads them only from a
 * file part named `torrents`), urlencoded otherwise. Both are accepted (research notes §2.3).
 */
export function addTorrentForm(
  request: AddTorrentRequest,
  dialect: WebApiDialect,
  infoHash: string,
): URLSearchParams | FormData {
  const fields: [string, string][] = [];
  if (request.urls?.length) fields.push(['urls', request.urls.join('\n')]);
  if (request.category !== undefined) fields.push(['category', request.category]);
  if (request.savepath !== undefined) fields.push(['savepath', request.savepath]);
  if (request.tags?.length) fields.push(['tags', request.tags.join(',')]);
  // 4.x reads `paused`, 5.x `stopped`; the other name is silently ignored, so pick by version.
  fields.push([dialect.addStoppedField, String(request.paused ?? false)]);
  if (!request.torrent) return new URLSearchParams(fields);
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  form.append(
    'torrents',
    new Blob([new Uint8Array(request.torrent)], { type: 'application/x-bittorrent' }),
    request.fileName ?? `${infoHash.toLowerCase()}.torrent`,
  );
  return form;
}
