/** A movie as TMDB's `/3/movie/{id}` describes it, reduced to what Keel uses. */
export interface TmdbMovie {
  tmdbId: number;
  title: string;
  originalTitle: string;
  /** From `release_date`; undefined when TMDB has no date yet. */
  year?: number;
  /** `YYYY-MM-DD`, undefined when TMDB has none. */
  releaseDate?: string;
  /** Minutes; undefined when TMDB does not know (it answers 0 or null). */
  runtimeMinutes?: number;
  imdbId?: string;
  overview: string;
  posterPath?: string;
}

/** One result of `/3/search/movie`: TMDB's search answers carry neither runtime nor IMDb id. */
export type TmdbSearchResult = Omit<TmdbMovie, 'runtimeMinutes' | 'imdbId'>;

export interface TmdbSearchPage {
  page: number;
  results: TmdbSearchResult[];
  totalPages: number;
  totalResults: number;
}
