import { MOVIE_CATEGORIES } from './prowlarr.constants';
import type { ProwlarrIndexerSeed } from './prowlarr-indexers.seed';
import type { IndexerCounters } from './prowlarr.state';

const SUB_CATEGORIES = Object.entries(MOVIE_CATEGORIES)
  .filter(([id]) => id !== '2000')
  .map(([id, name]) => ({ id: Number(id), name, subCategories: [] }));

/** An `IndexerResource` as `GET /api/v1/indexer` lists it (null properties left out). */
export function indexerResource(
  indexer: ProwlarrIndexerSeed,
  counters: IndexerCounters | undefined,
  failing: boolean,
): Record<string, unknown> {
  return {
    id: indexer.id,
    name: indexer.name,
    fields: [
      {
        order: 0,
        name: 'definitionFile',
        value: indexer.definitionName,
        type: 'textbox',
        advanced: false,
        privacy: 'normal',
        isFloat: false,
        hidden: 'hidden',
      },
      {
        order: 1,
        name: 'baseUrl',
        label: 'Base Url',
        helpText: 'Select which baseurl Prowlarr will use for requests to the site',
        value: indexer.baseUrl,
        type: 'select',
        advanced: false,
        selectOptionsProviderAction: 'getUrls',
        privacy: 'normal',
        isFloat: false,
      },
      {
        order: 2,
        name: 'torrentBaseSettings.seedRatio',
        label: 'Seed Ratio',
        helpText: 'The ratio a torrent should reach before stopping, empty uses the download client’s default',
        type: 'number',
        advanced: true,
        privacy: 'normal',
        isFloat: true,
      },
    ],
    implementationName: 'Cardigann',
    implementation: 'Cardigann',
    configContract: 'CardigannSettings',
    infoLink: `https://wiki.servarr.com/prowlarr/supported-indexers#${indexer.definitionName}`,
    tags: [],
    indexerUrls: [indexer.baseUrl],
    legacyUrls: [],
    definitionName: indexer.definitionName,
    description: indexer.description,
    language: indexer.language,
    encoding: 'UTF-8',
    enable: true,
    redirect: false,
    supportsRss: true,
    supportsSearch: true,
    supportsRedirect: false,
    supportsPagination: false,
    appProfileId: 1,
    protocol: 'torrent',
    privacy: 'public',
    capabilities: {
      id: 0,
      limitsMax: 100,
      limitsDefault: 100,
      categories: [{ id: 2000, name: 'Movies', subCategories: SUB_CATEGORIES }],
      supportsRawSearch: false,
      searchParams: ['q'],
      tvSearchParams: ['q', 'season', 'ep'],
      movieSearchParams: ['q', 'imdbId', 'tmdbId'],
      musicSearchParams: [],
      bookSearchParams: [],
    },
    priority: indexer.priority,
    downloadClientId: 0,
    added: indexer.added,
    // Prowlarr only attaches a status once the indexer has failed.
    ...(failing && { status: indexerStatus(indexer.id, counters) }),
    sortName: indexer.name.toLowerCase(),
  };
}

/** An `IndexerStatusResource` for a backed-off indexer. */
export function indexerStatus(indexerId: number, counters: IndexerCounters | undefined): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: indexerId,
    indexerId,
    disabledTill: new Date(Date.now() + 5 * 60_000).toISOString(),
    mostRecentFailure: counters?.lastFailure ?? now,
    initialFailure: counters?.firstFailure ?? now,
  };
}

/** One `IndexerStatistics` row, from what the emulator actually served. */
export function indexerStatistics(
  indexer: ProwlarrIndexerSeed,
  counters: IndexerCounters | undefined,
): Record<string, unknown> {
  const c = counters ?? { queries: 0, failedQueries: 0, grabs: 0, failedGrabs: 0, totalResponseMs: 0 };
  return {
    indexerId: indexer.id,
    indexerName: indexer.name,
    averageResponseTime: c.queries === 0 ? 0 : Math.round(c.totalResponseMs / c.queries),
    averageGrabResponseTime: 0,
    numberOfQueries: c.queries,
    numberOfGrabs: c.grabs,
    numberOfRssQueries: 0,
    numberOfAuthQueries: 0,
    numberOfFailedQueries: c.failedQueries,
    numberOfFailedGrabs: c.failedGrabs,
    numberOfFailedRssQueries: 0,
    numberOfFailedAuthQueries: 0,
  };
}
