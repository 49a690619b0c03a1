import type { RequestContext, Route } from '../kernel/emulator.types';
import { sendJson } from '../kernel/respond';
import { presentedApiKey, sendUnauthorized } from './prowlarr.auth';
import { releaseResource, type CatalogueEntry } from './prowlarr.catalogue';
import { ALL_UNAVAILABLE_MESSAGE } from './prowlarr.constants';
import { allEntries, originOf, type ProwlarrContext } from './prowlarr.context';
import { expandCategories, intList, parseSearchQuery, type ParsedSearch } from './prowlarr.query';
import { monotonicNow } from './prowlarr.state';

/** What a Cardigann indexer's recent list typically holds when the caller gives no limit. */
const RSS_PAGE_SIZE = 100;
const ALL_TORRENT = -2;
const ALL_USENET = -1;

export function searchRoutes(ctx: ProwlarrContext): Route[] {
  return [{ method: 'GET', path: '/api/v1/search', handler: (request) => search(request, ctx) }];
}

async function search(request: RequestContext, ctx: ProwlarrContext): Promise<void> {
  const { apiKey, catalogue, state } = ctx;
  const presented = presentedApiKey(request.req, request.query);
  state.logSearch({ at: monotonicNow(), url: request.req.url ?? request.path, apiKeyVia: presented.via });
  if (presented.key !== apiKey) return sendUnauthorized(request.res);

  const selected = selectIndexers(intList(request.query, 'indexerIds'), [...catalogue.indexers.keys()]);
  const available = selected.filter((id) => !state.behaviour(id).failing);
  // Prowlarr queries its indexers in parallel, so the answer comes when the slowest one has answered.
  const latencyMs = Math.max(0, ...selected.map((id) => state.behaviour(id).latencyMs));
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  for (const id of selected) {
    const counters = state.countersOf(id);
    counters.queries++;
    counters.totalResponseMs += state.behaviour(id).latencyMs;
    if (state.behaviour(id).failing) counters.failedQueries++;
  }
  if (available.length === 0) return sendJson(request.res, 400, { message: ALL_UNAVAILABLE_MESSAGE });
  if (request.res.destroyed) return;

  const parsed = parseSearchQuery(request.query.get('query') ?? '');
  const categories = intList(request.query, 'categories');
  const inCategory = categories.length === 0 ? () => true : expandCategories(categories);
  const indexerSet = new Set(available);
  const offset = nonNegative(request.query.get('offset')) ?? 0;
  const limit = nonNegative(request.query.get('limit'));
  const inScope = allEntries(ctx).filter(
    (entry) => indexerSet.has(entry.indexer.id) && entry.seed.categories.some(inCategory),
  );
  const page = isRss(parsed)
    ? dedupeByGuid(
        available.flatMap((id) =>
          newestFirst(inScope.filter((entry) => entry.indexer.id === id)).slice(
            offset,
            offset + (limit ?? RSS_PAGE_SIZE),
          ),
        ),
      )
    : dedupeByGuid(inScope.filter((entry) => matches(entry, parsed))).slice(
        offset,
        limit === undefined ? undefined : offset + limit,
      );
  const origin = originOf(request.req);
  const now = Date.now();
  sendJson(
    request.res,
    200,
    page.map((entry) => state.withoutOmitted('release', releaseResource(entry, origin, apiKey, now))),
  );
}

/** No ids means every enabled indexer; -2 and -1 stand for all torrent and all Usenet indexers. */
function selectIndexers(requested: number[], all: number[]): number[] {
  if (requested.length === 0 || requested.includes(ALL_TORRENT)) return all;
  if (requested.includes(ALL_USENET)) return [];
  return all.filter((id) => requested.includes(id));
}

/**
 * No text and no ids: Prowlarr treats the search as an RSS request (`SearchCriteriaBase.IsRssSearch`)
 * and each indexer answers with its newest releases, limit and offset applying per indexer.
 */
function isRss(parsed: ParsedSearch): boolean {
  return (
    parsed.words.length === 0 && parsed.imdbId === undefined && parsed.tmdbId === undefined && parsed.year === undefined
  );
}

function newestFirst(entries: CatalogueEntry[]): CatalogueEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.seed.publishDate) - Date.parse(a.seed.publishDate));
}

function matches(entry: CatalogueEntry, parsed: ParsedSearch): boolean {
  const { movie } = entry;
  if (parsed.imdbId !== undefined && (movie.imdbId === undefined || Number(movie.imdbId.slice(2)) !== parsed.imdbId))
    return false;
  if (parsed.tmdbId !== undefined && movie.tmdbId !== parsed.tmdbId) return false;
  if (parsed.year !== undefined && movie.year !== parsed.year) return false;
  // With an id, Prowlarr's movie search ignores leftover words that an indexer would not match anyway.
  if (parsed.imdbId !== undefined || parsed.tmdbId !== undefined) return true;
  return parsed.words.length > 0 && parsed.words.every((word) => entry.words.has(word));
}

/** Among releases sharing a guid, the one from the indexer with the lowest priority value wins. */
function dedupeByGuid(entries: CatalogueEntry[]): CatalogueEntry[] {
  const best = new Map<string, CatalogueEntry>();
  for (const entry of entries) {
    const seen = best.get(entry.guid);
    if (seen === undefined || entry.indexer.priority < seen.indexer.priority) best.set(entry.guid, entry);
  }
  return entries.filter((entry) => best.get(entry.guid) === entry);
}

function nonNegative(raw: string | null): number | undefined {
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
}
