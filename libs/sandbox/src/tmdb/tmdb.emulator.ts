import { timingSafeEqual } from 'node:crypto';
import { startEmulator } from '../kernel/emulator-server';
import type { RequestContext, Route, RunningEmulator } from '../kernel/emulator.types';
import { sendRawJson } from '../kernel/respond';
import { TMDB_MOVIES, type TmdbMovieSeed } from './tmdb.seed';

export interface TmdbEmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  host?: string;
  /** When set, only this key is accepted (as `api_key` or a bearer token); by default any non-empty key is. */
  apiKey?: string;
  /** Replaces the seed. */
  movies?: readonly TmdbMovieSeed[];
}

/** TMDB answers `application/json;charset=utf-8`, errors included. */
const TMDB_CONTENT_TYPE = 'application/json;charset=utf-8';
const PAGE_SIZE = 20;
/** TMDB refuses pages past 500. */
const MAX_PAGE = 500;

/** TMDB's own error bodies: `{ status_code, status_message, success: false }`. */
const ERRORS = {
  unauthorized: {
    status: 401,
    body: { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false },
  },
  notFound: {
    status: 404,
    body: { status_code: 34, status_message: 'The resource you requested could not be found.', success: false },
  },
  invalidId: {
    status: 404,
    body: {
      status_code: 6,
      status_message: 'Invalid id: The pre-requisite id is invalid or not found.',
      success: false,
    },
  },
  invalidPage: {
    status: 400,
    body: {
      status_code: 22,
      status_message: 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.',
      success: false,
    },
  },
} as const;

/** TMDB API v3 emulator: `/3/movie/{id}`, `/3/search/movie` and `/3/configuration` (the health probe). */
export function startTmdbEmulator(options: TmdbEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    name: 'tmdb',
    port: options.port ?? 0,
    host: options.host,
    routes: tmdbRoutes(options.movies, options.apiKey),
  });
}

export function tmdbRoutes(movies: readonly TmdbMovieSeed[] = TMDB_MOVIES, apiKey?: string): Route[] {
  const details = new Map(movies.map((m) => [m.id, JSON.stringify(detailsOf(m))]));
  const auth = (handler: (ctx: RequestContext) => void) => (ctx: RequestContext) =>
    authorised(ctx, apiKey) ? handler(ctx) : sendError(ctx, 'unauthorized');
  return [
    { method: 'GET', path: '/3/movie/:id', handler: auth((ctx) => getMovie(ctx, details)) },
    { method: 'GET', path: '/3/search/movie', handler: auth((ctx) => searchMovies(ctx, movies)) },
    { method: 'GET', path: '/3/configuration', handler: auth((ctx) => sendTmdb(ctx, 200, CONFIGURATION)) },
    // Not TMDB's: the sandbox's own liveness route, as every emulator has (the client probes /3/configuration).
    { method: 'GET', path: '/health', handler: (ctx) => sendTmdb(ctx, 200, { status: 'ok' }) },
  ];
}

function getMovie(ctx: RequestContext, details: ReadonlyMap<number, string>): void {
  if (!/^\d+$/.test(ctx.params.id)) return sendError(ctx, 'invalidId');
  const body = details.get(Number(ctx.params.id));
  if (body === undefined) return sendError(ctx, 'notFound');
  sendRawJson(ctx.res, 200, body, undefined, TMDB_CONTENT_TYPE);
}

/** Case-insensitive match on title or original title; `year` (or `primary_release_year`) narrows by release year. */
function searchMovies(ctx: RequestContext, movies: readonly TmdbMovieSeed[]): void {
  const pageParam = ctx.query.get('page') ?? '1';
  const page = /^\d+$/.test(pageParam) ? Number(pageParam) : NaN;
  if (!(page >= 1 && page <= MAX_PAGE)) return sendError(ctx, 'invalidPage');
  const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
  const year = ctx.query.get('year') || ctx.query.get('primary_release_year');
  const matches =
    query === ''
      ? []
      : movies.filter(
          (m) =>
            (m.title.toLowerCase().includes(query) || m.original_title.toLowerCase().includes(query)) &&
            (!year || m.release_date.startsWith(`${year}-`)),
        );
  const sorted = [...matches].sort((a, b) => b.popularity - a.popularity);
  const results = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(summaryOf);
  sendTmdb(ctx, 200, {
    page,
    results,
    total_pages: Math.max(1, Math.ceil(sorted.length / PAGE_SIZE)),
    total_results: sorted.length,
  });
}

/** `api_key` in the query (v3 auth) or `Authorization: Bearer` (v4 read token), as TMDB accepts both. */
function authorised(ctx: RequestContext, apiKey: string | undefined): boolean {
  const header = ctx.req.headers.authorization;
  const bearer =
    typeof header === 'string' && header.slice(0, 7).toLowerCase() === 'bearer ' ? header.slice(7).trim() : '';
  const given = bearer || ctx.query.get('api_key') || '';
  if (given === '') return false;
  if (apiKey === undefined) return true;
  const a = Buffer.from(given);
  const b = Buffer.from(apiKey);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The fields a search result and the details share, in TMDB's order. */
function commonOf(m: TmdbMovieSeed) {
  return {
    adult: false,
    backdrop_path: null,
    id: m.id,
    original_language: m.original_language,
    original_title: m.original_title,
    overview: m.overview,
    popularity: m.popularity,
    poster_path: m.poster_path,
    release_date: m.release_date,
    title: m.title,
    video: false,
    vote_average: 0,
    vote_count: 0,
  };
}

function summaryOf(m: TmdbMovieSeed) {
  return { genre_ids: m.genres.map((g) => g.id), ...commonOf(m) };
}

function detailsOf(m: TmdbMovieSeed) {
  return {
    ...commonOf(m),
    belongs_to_collection: null,
    budget: 0,
    genres: m.genres,
    homepage: '',
    imdb_id: m.imdb_id,
    revenue: 0,
    runtime: m.runtime,
    status: 'Released',
    tagline: '',
  };
}

function sendError(ctx: RequestContext, kind: keyof typeof ERRORS): void {
  const { status, body } = ERRORS[kind];
  sendTmdb(ctx, status, body);
}

function sendTmdb(ctx: RequestContext, status: number, body: unknown): void {
  sendRawJson(ctx.res, status, JSON.stringify(body), undefined, TMDB_CONTENT_TYPE);
}

const CONFIGURATION = {
  images: {
    base_url: 'http://image.tmdb.org/t/p/',
    secure_base_url: 'https://image.tmdb.org/t/p/',
    poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
  },
  change_keys: [],
};
