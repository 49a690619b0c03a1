import type { TmdbMovieResource, TmdbMovieSummaryResource, TmdbSearchPageResource } from './tmdb.schemas';
import type { TmdbMovie, TmdbSearchPage, TmdbSearchResult } from './tmdb.types';

/** `/3/movie/{id}` as Keel names it. */
export function toMovie(movie: TmdbMovieResource): TmdbMovie {
  return { ...toSearchResult(movie), runtimeMinutes: movie.runtime, imdbId: movie.imdb_id };
}

/** `/3/search/movie` as Keel names it; a page without its counters is the only page. */
export function toSearchPage(page: TmdbSearchPageResource): TmdbSearchPage {
  const results = page.results.map(toSearchResult);
  return {
    page: page.page ?? 1,
    results,
    totalPages: page.total_pages ?? 1,
    totalResults: page.total_results ?? results.length,
  };
}

function toSearchResult(movie: TmdbMovieSummaryResource): TmdbSearchResult {
  const year = movie.release_date === undefined ? undefined : yearOf(movie.release_date);
  return {
    tmdbId: movie.id,
    title: movie.title,
    originalTitle: movie.original_title ?? movie.title,
    year,
    releaseDate: year === undefined ? undefined : movie.release_date,
    overview: movie.overview ?? '',
    posterPath: movie.poster_path,
  };
}

function yearOf(date: string): number | undefined {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return match ? Number(match[1]) : undefined;
}
