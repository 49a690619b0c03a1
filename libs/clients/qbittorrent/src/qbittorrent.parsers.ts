import { DownstreamContractError } from '@keel/clients-core';
import { QBITTORRENT, QBITTORRENT_INFINITE_ETA } from './qbittorrent.constants';
import type { QbittorrentTorrentInfo } from './qbittorrent.types';

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DownstreamContractError(QBITTORRENT, [`${what}: the body is not valid JSON`], { cause: error });
  }
}

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Reads `torrents/info`. Only `hash` is needed to use an entry; fields that older or newer qBittorrent
 * versions lack default as Radarr would treat them (`content_path`, added in WebAPI 2.6.1, is the save
 * path joined with the name; `tags`, added in 2.3, is empty; an unknown `state` maps to Downloading).
 * Entries without a hash are skipped; a body that is not a JSON array, or whose entries are all
 * unusable, is a contract error.
 */
export function parseTorrentInfos(text: string): QbittorrentTorrentInfo[] {
  const body = parseJson(text, 'torrents/info');
  if (!Array.isArray(body)) throw new DownstreamContractError(QBITTORRENT, ['torrents/info: expected an array']);
  const usable = body.filter(
    (entry): entry is Fields => isRecord(entry) && typeof entry.hash === 'string' && entry.hash !== '',
  );
  if (body.length > 0 && usable.length === 0)
    throw new DownstreamContractError(QBITTORRENT, ['torrents/info: no entry has a hash']);
  return usable.map(toTorrentInfo);
}

function toTorrentInfo(raw: Fields): QbittorrentTorrentInfo {
  const name = str(raw.name) ?? '';
  const savePath = str(raw.save_path) ?? '';
  const info: QbittorrentTorrentInfo = {
    hash: raw.hash as string,
    name,
    state: str(raw.state) ?? 'unknown',
    progress: Math.min(1, Math.max(0, num(raw.progress) ?? 0)),
    eta: num(raw.eta) ?? QBITTORRENT_INFINITE_ETA,
    size: num(raw.size) ?? num(raw.total_size) ?? 0,
    content_path: str(raw.content_path) ?? joinPath(savePath, name),
    save_path: savePath,
    category: str(raw.category) ?? '',
    tags: str(raw.tags) ?? '',
  };
  const downloaded = num(raw.downloaded);
  if (downloaded !== undefined) info.downloaded = downloaded;
  return info;
}

function joinPath(directory: string, name: string): string {
  if (directory === '' || name === '') return directory || name;
  const separator = directory.includes('\\') && !directory.includes('/') ? '\\' : '/';
  return directory.endsWith(separator) ? `${directory}${name}` : `${directory}${separator}${name}`;
}

/**
 * Whether `torrents/add` added something: ≤ 5.1 answers `Ok.` / `Fails.` (text), 5.2 a JSON count
 * (`{success_count, failure_count, pending_count, added_torrent_ids}`); pending means accepted.
 */
export function parseAddAnswer(text: string): { added: boolean } {
  const body = text.trim();
  if (body === 'Ok.' || body === '') return { added: true };
  if (body === 'Fails.') return { added: false };
  const json = parseJson(body, 'torrents/add') as { success_count?: unknown; pending_count?: unknown };
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);
  return { added: count(json?.success_count) + count(json?.pending_count) > 0 };
}
