import { DownstreamContractError } from '@keel/clients-core';
import { count, flag, isRecord, text } from './prowlarr-fields';
import { PROWLARR } from './prowlarr.constants';
import type { ProwlarrIndexer } from './prowlarr.types';

/** Prowlarr's own default priority for a new indexer. */
export const DEFAULT_INDEXER_PRIORITY = 25;

/**
 * Reads `/api/v1/indexer`. Only `id` is needed to use an entry; the rest default as Prowlarr would
 * behave without them (an indexer it lists is enabled and searchable unless it says otherwise).
 * Entries without an id are skipped; an answer with none usable is a contract error.
 */
export function parseIndexers(body: unknown): ProwlarrIndexer[] {
  if (!Array.isArray(body)) throw new DownstreamContractError(PROWLARR, ['body: expected an array']);
  const usable = body.filter(
    (entry): entry is Record<string, unknown> => isRecord(entry) && count(entry.id) !== undefined,
  );
  if (body.length > 0 && usable.length === 0) {
    throw new DownstreamContractError(PROWLARR, ['body: no indexer entry has a numeric id']);
  }
  return usable.map((entry) => {
    const id = entry.id as number;
    return {
      id,
      name: text(entry.name) ?? `Indexer ${id}`,
      enable: flag(entry.enable) ?? true,
      priority: count(entry.priority) ?? DEFAULT_INDEXER_PRIORITY,
      protocol: text(entry.protocol) ?? 'unknown',
      privacy: text(entry.privacy) ?? 'unknown',
      supportsSearch: flag(entry.supportsSearch) ?? true,
      supportsRss: flag(entry.supportsRss) ?? true,
    };
  });
}
