import { DownstreamContractError, shapeViolations } from '@keel/clients-core';
import { QBITTORRENT } from './qbittorrent.constants';
import type { QbittorrentTorrentInfo } from './qbittorrent.types';

const INFO_SHAPE = { hash: 'string', name: 'string', state: 'string', progress: 'number', eta: 'number', size: 'number', content_path: 'string', save_path: 'string', category: 'string', tags: 'string' } as const;

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DownstreamContractError(QBITTORRENT, [`${what}: the body is not valid JSON`], { cause: error });
  }
}

function parseArray<T>(text: string, what: string, shape: Parameters<typeof shapeViolations>[1]): T[] {
  const body = parseJson(text, what);
  if (!Array.isArray(body)) throw new DownstreamContractError(QBITTORRENT, [`${what}: expected an array`]);
  const violations = body.flatMap((entry, i) => shapeViolations(entry, shape, `${what}[${i}]`));
  if (violations.length > 0) throw new DownstreamContractError(QBITTORRENT, violations);
  return body as T[];
}

export const parseTorrentInfos = (text: string) => parseArray<QbittorrentTorrentInfo>(text, 'torrents/info', INFO_SHAPE);

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
