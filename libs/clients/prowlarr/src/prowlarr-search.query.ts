import type { ProwlarrRecent, ProwlarrSearch } from './prowlarr.types';

/**
 * The `/api/v1/search` query for a movie search. Ids ride in the text as `{ImdbId:tt…}` /
 * `{TmdbId:…}` tokens, which Prowlarr parses out (`NewznabRequest.QueryToParams`); arrays become
 * repeated keys, as Prowlarr's own UI sends them.
 */
export function searchQuery(search: ProwlarrSearch): Record<string, unknown> {
  const tokens = [
    search.imdbId && `{ImdbId:${search.imdbId}}`,
    search.tmdbId !== undefined && `{TmdbId:${search.tmdbId}}`,
  ].filter(Boolean);
  return {
    query: [...tokens, search.query.trim()].filter((part) => part !== '').join(' '),
    type: 'movie',
    indexerIds: search.indexerIds,
    categories: search.categories,
    limit: search.limit,
  };
}

/**
 * The `/api/v1/search` query for one indexer's feed: `type=search` with an empty `query` (kept, so
 * the request says what it is), which Prowlarr hands the indexer as an RSS request.
 */
export function recentQuery(recent: ProwlarrRecent): Record<string, unknown> {
  return {
    query: '',
    type: 'search',
    indexerIds: [recent.indexerId],
    categories: recent.categories,
    limit: recent.limit,
  };
}
