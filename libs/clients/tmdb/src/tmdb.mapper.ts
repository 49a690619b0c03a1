import { DownstreamContractError, checkShape, shapeViolations } from '@keel/clients-core';
import { TMDB } from './tmdb.constants';
import type { TmdbMovie, TmdbSearchPage, TmdbSearchResult } from './tmdb.types';

/** The fields Keel cannot do without; every other one is defaulted when missing or odd. */
const MOVIE_SHAPE = { id: 'number', title: 'string' } as const;

/** `/3/movie/{id}`. Tolerant: TMDB adds and drops fields, and sends `null`, `0` or `''` for unknowns. */
export function parseMovie(body: unknown): TmdbMovie {
  const movie = checkShape<Record<string, unknown>>(TMDB, body, MOVIE_SHAPE);
  const runtime = movie.runtime;
  const imdbId = text(movie.imdb_id);
  return {
    ...commonOf(movie),
    runtimeMinutes: typeof runtime === 'number' && Number.isInteger(runtime) && runtime > 0 ? runtime : undefined,
    imdbId: imdbId !== undefined && /^tt\d+$/.test(imdbId) ? imdbId : undefined,
  };
}

/** `/3/search/movie`. A result without an id or title is useless to a caller, so it fails the page. */
export function parseSearchPage(body: unknown): TmdbSearchPage {
  const page = checkShape<Record<string, unknown>>(TMDB, body, { results: 'array' });
  const rows = page.results as unknown[];
  const violations = rows.flatMap((row, i) => shapeViolations(row, MOVIE_SHAPE, `body.results[${i}]`));
  if (violations.length > 0) throw new DownstreamContractError(TMDB, violations);
  const results = rows.map((row): TmdbSearchResult => commonOf(row as Record<string, unknown>));
  return {
    page: count(page.page) ?? 1,
    results,
    totalPages: count(page.total_pages) ?? 1,
    totalResults: count(page.total_results) ?? results.length,
  };
}

function commonOf(movie: Record<string, unknown>): TmdbSearchResult {
  const releaseDate = text(movie.release_date);
  const year = releaseDate === undefined ? undefined : yearOf(releaseDate);
  return {
    tmdbId: movie.id as number,
    title: movie.title as string,
    originalTitle: text(movie.original_title) ?? (movie.title as string),
    year,
    releaseDate: year === undefined ? undefined : releaseDate,
    overview: text(movie.overview) ?? '',
    posterPath: text(movie.poster_path),
  };
}

function yearOf(date: string): number | undefined {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return match ? Number(match[1]) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
