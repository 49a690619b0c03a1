import type { ProwlarrIndexerResource } from './prowlarr.schemas';
import type { ProwlarrIndexer } from './prowlarr.types';

/** Prowlarr's own default priority for a new indexer. */
export const DEFAULT_INDEXER_PRIORITY = 25;

/**
 * An indexer as acquisition reads it. Only `id` is needed; the rest default as Prowlarr would
 * behave without them (an indexer it lists is enabled and searchable unless it says otherwise).
 */
export function toIndexer(entry: ProwlarrIndexerResource): ProwlarrIndexer {
  return {
    id: entry.id,
    name: entry.name ?? `Indexer ${entry.id}`,
    enable: entry.enable ?? true,
    priority: entry.priority ?? DEFAULT_INDEXER_PRIORITY,
    protocol: entry.protocol ?? 'unknown',
    privacy: entry.privacy ?? 'unknown',
    supportsSearch: entry.supportsSearch ?? true,
    supportsRss: entry.supportsRss ?? true,
  };
}
