import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const MEDIA_METRICS = {
  indexerSearches: 'media_indexer_searches_total',
  grabs: 'media_grabs_total',
  imports: 'media_imports_total',
  failedDownloads: 'media_failed_downloads_total',
} as const;

/** The pipeline's own counters; labels are bounded (indexers are configured, outcomes are enums). */
export const MEDIA_METRIC_PROVIDERS = [
  makeCounterProvider({
    name: MEDIA_METRICS.indexerSearches,
    help: 'Per-indexer searches of a movie search, by indexer and outcome (ok, cached, timeout, failed)',
    labelNames: ['indexer', 'outcome'],
  }),
  makeCounterProvider({
    name: MEDIA_METRICS.grabs,
    help: 'Releases sent to qBittorrent, by trigger (user, searchOnAdd, command, missingSearch, rss, redownload)',
    labelNames: ['trigger'],
  }),
  makeCounterProvider({
    name: MEDIA_METRICS.imports,
    help: 'Import attempts of completed downloads, by outcome (imported, blocked, error)',
    labelNames: ['outcome'],
  }),
  makeCounterProvider({
    name: MEDIA_METRICS.failedDownloads,
    help: 'Downloads that failed in qBittorrent and were blocklisted',
  }),
];
