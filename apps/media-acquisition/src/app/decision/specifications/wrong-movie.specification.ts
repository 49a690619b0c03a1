import type { Specification } from '../decision.types';
import { normalizeMovieTitle } from '../movie-title.normalizer';

/**
 * Radarr maps a release to a movie by ids, then title+year; a year off by one is tolerated (festival vs. release year).
 */
export const wrongMovieSpecification: Specification = ({ release, parsed }, { movie }) => {
  if (release.imdbId && movie.imdbId && release.imdbId.toLowerCase() !== movie.imdbId.toLowerCase()) {
    return { code: 'wrongMovie', message: `IMDb id ${release.imdbId} is not ${movie.title} (${movie.imdbId})` };
  }
  if (release.tmdbId && movie.tmdbId && release.tmdbId !== movie.tmdbId) {
    return { code: 'wrongMovie', message: `TMDb id ${release.tmdbId} is not ${movie.title} (${movie.tmdbId})` };
  }
  // No title is the unparsable specification's finding; repeating it here would say the same thing twice.
  if (parsed.title && normalizeMovieTitle(parsed.title) !== normalizeMovieTitle(movie.title)) {
    return { code: 'wrongMovie', message: `"${parsed.title}" does not match ${movie.title}` };
  }
  if (parsed.year !== undefined && Math.abs(parsed.year - movie.year) > 1) {
    return { code: 'wrongMovie', message: `Year ${parsed.year} does not match ${movie.title} (${movie.year})` };
  }
  return undefined;
};
