import type { ProwlarrRelease } from '@keel/clients-prowlarr';
import { normalizeMovieTitle, parseReleaseQuality } from '../decision';

/** What matching needs of a movie. */
export interface MatchableMovie {
  id: string;
  title: string;
  year: number;
  tmdbId: number | null;
  imdbId: string | null;
}

export interface MovieReleases<M extends MatchableMovie> {
  movie: M;
  releases: ProwlarrRelease[];
}

/** Radarr tolerates a year off by one (festival year against release year), as the wrong-movie specification does. */
const nearYear = (parsed: number | undefined, year: number) => parsed === undefined || Math.abs(parsed - year) <= 1;

/**
 * Radarr's `ParsingService.Map` for releases nobody searched for (an RSS feed): by the TMDb or IMDb
 * id the indexer gives, if the parsed year agrees; else by the parsed title and year, the exact year
 * first; a title without a year only when one movie has that title. Releases that match no movie are
 * left out. The decision engine judges each match again (its wrong-movie specification), so a match
 * is a candidate, never a grab by itself.
 */
export function matchReleases<M extends MatchableMovie>(
  movies: readonly M[],
  releases: readonly ProwlarrRelease[],
): MovieReleases<M>[] {
  const byTmdb = new Map(movies.filter((m) => m.tmdbId !== null).map((m) => [m.tmdbId as number, m]));
  const byImdb = new Map(movies.filter((m) => m.imdbId !== null).map((m) => [(m.imdbId as string).toLowerCase(), m]));
  const byTitle = new Map<string, M[]>();
  for (const movie of movies) {
    const key = normalizeMovieTitle(movie.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), movie]);
  }

  const matched = new Map<string, MovieReleases<M>>();
  for (const release of releases) {
    const { parsed } = parseReleaseQuality(release.title);
    const byId =
      (release.tmdbId !== undefined ? byTmdb.get(release.tmdbId) : undefined) ??
      (release.imdbId !== undefined ? byImdb.get(release.imdbId.toLowerCase()) : undefined);
    const movie =
      byId && nearYear(parsed.year, byId.year)
        ? byId
        : parsed.title
          ? byTitleAndYear(byTitle.get(normalizeMovieTitle(parsed.title)) ?? [], parsed.year)
          : undefined;
    if (!movie) continue;
    const entry = matched.get(movie.id) ?? { movie, releases: [] };
    entry.releases.push(release);
    matched.set(movie.id, entry);
  }
  return [...matched.values()];
}

function byTitleAndYear<M extends MatchableMovie>(sameTitle: readonly M[], year: number | undefined): M | undefined {
  if (year === undefined) return sameTitle.length === 1 ? sameTitle[0] : undefined;
  const near = sameTitle.filter((movie) => nearYear(year, movie.year));
  return near.find((movie) => movie.year === year) ?? (near.length === 1 ? near[0] : undefined);
}
