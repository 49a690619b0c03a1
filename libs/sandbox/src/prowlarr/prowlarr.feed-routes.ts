import type { RequestContext, Route } from '../kernel/emulator.types';
import { BodyError, readJsonBody } from '../kernel/body';
import { sendJson, sendNoContent, sendProblem } from '../kernel/respond';
import { catalogueEntry, type CatalogueEntry } from './prowlarr.catalogue';
import { MOVIE_CATEGORIES } from './prowlarr.constants';
import { PROWLARR_CONTROL_PREFIX } from './prowlarr.control-routes';
import type { ProwlarrContext } from './prowlarr.context';
import type { IndexerFlag } from './prowlarr-releases.seed';

/**
 * A release to put on an indexer's feed (`POST /_sandbox/prowlarr/feed`); only `indexerId` and `title` are required.
 */
export interface PublishedRelease {
  indexerId: number;
  title: string;
  /** Bytes; default 8 GiB, a plausible 1080p film. */
  size?: number;
  /** Default 100 and 10. */
  seeders?: number;
  leechers?: number;
  /** Default `torrent` (the proxy serves a `.torrent`); `magnet` makes it answer 301 to a magnet. */
  kind?: 'torrent' | 'magnet';
  /** Default [2000, 2040]. */
  categories?: number[];
  indexerFlags?: IndexerFlag[];
  /**
   * What the indexer knows of the movie; without them the release carries imdbId/tmdbId 0, as Prowlarr sends for
   * unknown.
   */
  imdbId?: string;
  tmdbId?: number;
  year?: number;
  /** ISO date-time; default now, so it heads the feed. */
  publishDate?: string;
}

/** What publishing answers: enough to find the release in a search or a download client. */
export interface PublishedReleaseRef {
  guid: string;
  infoHash: string;
  title: string;
  indexerId: number;
  publishDate: string;
}

const FLAGS: readonly IndexerFlag[] = [
  'freeleech',
  'halfleech',
  'neutralleech',
  'doubleupload',
  'internal',
  'exclusive',
  'scene',
];
const GIB = 1024 ** 3;
/** Far from the seeded trackers' ids, so a published release's guid never meets a seeded one. */
const FIRST_TRACKER_ID = 9_000_000;

/**
 * Feed controls: a test makes a new release appear on an indexer (as a tracker's new upload would),
 * found by RSS requests (a search with no query) and by searches that match it, and downloadable
 * through the proxy like a seeded one. `DELETE` takes every published release off again.
 */
export function feedRoutes(ctx: ProwlarrContext): Route[] {
  return [
    { method: 'POST', path: `${PROWLARR_CONTROL_PREFIX}/feed`, handler: (r) => publish(r, ctx) },
    {
      method: 'GET',
      path: `${PROWLARR_CONTROL_PREFIX}/feed`,
      handler: (r) => sendJson(r.res, 200, { releases: ctx.state.publishedReleases().map(refOf) }),
    },
    {
      method: 'DELETE',
      path: `${PROWLARR_CONTROL_PREFIX}/feed`,
      handler: (r) => {
        ctx.state.resetPublished();
        sendNoContent(r.res);
      },
    },
  ];
}

/** Puts `release` on its indexer's feed; a string is why it is refused. */
export function publishRelease(ctx: ProwlarrContext, release: unknown): PublishedReleaseRef | string {
  const input = parsePublished(release);
  if (typeof input === 'string') return input;
  const indexer = ctx.catalogue.indexers.get(input.indexerId);
  if (indexer === undefined) return `No indexer ${input.indexerId}`;
  const n = ctx.state.nextPublished();
  const seeders = input.seeders ?? 100;
  const leechers = input.leechers ?? 10;
  const entry = catalogueEntry(
    {
      key: `p${n}`,
      indexerId: indexer.id,
      title: input.title,
      size: input.size ?? 8 * GIB,
      seeders,
      leechers,
      grabs: 0,
      categories: input.categories ?? [2000, 2040],
      indexerFlags: input.indexerFlags ?? [],
      kind: input.kind ?? 'torrent',
      publishDate: input.publishDate ?? new Date().toISOString(),
      trackerId: FIRST_TRACKER_ID + n,
    },
    indexer,
    { imdbId: input.imdbId, tmdbId: input.tmdbId, year: input.year },
  );
  ctx.state.publish(entry);
  return refOf(entry);
}

async function publish(request: RequestContext, ctx: ProwlarrContext): Promise<void> {
  let body: unknown;
  try {
    body = await readJsonBody(request.req, 16 * 1024);
  } catch (err) {
    return sendProblem(
      request.res,
      err instanceof BodyError ? err.status : 400,
      err instanceof Error ? err.message : 'Unreadable body',
    );
  }
  const published = publishRelease(ctx, body);
  if (typeof published === 'string')
    return sendProblem(request.res, published.startsWith('No indexer') ? 404 : 400, published);
  sendJson(request.res, 201, published);
}

function refOf(entry: CatalogueEntry): PublishedReleaseRef {
  return {
    guid: entry.guid,
    infoHash: entry.infoHash,
    title: entry.seed.title,
    indexerId: entry.indexer.id,
    publishDate: entry.seed.publishDate,
  };
}

function parsePublished(body: unknown): PublishedRelease | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'Body must be an object';
  const b = body as Record<string, unknown>;
  const whole = (value: unknown, max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
  if (!whole(b.indexerId, 1_000_000)) return 'indexerId must be an indexer id';
  if (typeof b.title !== 'string' || b.title.trim() === '' || b.title.length > 300)
    return 'title must be 1–300 characters';
  if (b.size !== undefined && !whole(b.size, Number.MAX_SAFE_INTEGER)) return 'size must be a whole number of bytes';
  for (const key of ['seeders', 'leechers'] as const)
    if (b[key] !== undefined && !whole(b[key], 1_000_000)) return `${key} must be a whole number`;
  if (b.kind !== undefined && b.kind !== 'torrent' && b.kind !== 'magnet') return 'kind must be torrent or magnet';
  if (
    b.categories !== undefined &&
    (!Array.isArray(b.categories) ||
      b.categories.length === 0 ||
      !b.categories.every((id) => typeof id === 'number' && id in MOVIE_CATEGORIES))
  ) {
    return `categories must be movie categories (${Object.keys(MOVIE_CATEGORIES).join(', ')})`;
  }
  if (
    b.indexerFlags !== undefined &&
    (!Array.isArray(b.indexerFlags) || !b.indexerFlags.every((flag) => FLAGS.includes(flag as IndexerFlag)))
  )
    return `indexerFlags must be among ${FLAGS.join(', ')}`;
  if (b.imdbId !== undefined && (typeof b.imdbId !== 'string' || !/^tt\d{7,9}$/.test(b.imdbId)))
    return 'imdbId must look like tt0133093';
  if (b.tmdbId !== undefined && !(whole(b.tmdbId, 2_147_483_647) && (b.tmdbId as number) > 0))
    return 'tmdbId must be a positive integer';
  if (b.year !== undefined && !whole(b.year, 3000)) return 'year must be a year';
  if (b.publishDate !== undefined && (typeof b.publishDate !== 'string' || Number.isNaN(Date.parse(b.publishDate))))
    return 'publishDate must be an ISO date-time';
  return b as unknown as PublishedRelease;
}
