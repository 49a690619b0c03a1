/** What a movie's metadata source (TMDB in Radarr) knows of it. */
export interface MovieMetadata {
  tmdbId: number;
  title: string;
  year: number;
  runtime?: number;
  imdbId?: string;
  overview?: string;
}

/** Looks a movie up by its TMDB id; undefined when the source does not know it. */
export interface MovieMetadataSource {
  byTmdbId(tmdbId: number): Promise<MovieMetadata | undefined>;
}

export const MOVIE_METADATA = 'KEEL:MOVIE_METADATA';
