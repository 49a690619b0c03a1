import { z } from 'zod';
import { absentIfInvalid } from '@keel/clients-core';

/*
 * What Keel reads of TMDB API v3's answers. TMDB adds and drops fields, and sends `null`, `0` or `''`
 * for what it does not know, so only `id` and `title` are required; every other field reads as
 * absent when it is missing, null, blank or of another type, and unknown fields are ignored.
 */

const text = absentIfInvalid(z.string().refine((value) => value.trim() !== ''));
const count = absentIfInvalid(z.number().int().nonnegative());

/** The fields a movie and a search result share. */
export const tmdbMovieSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  original_title: text,
  /** `YYYY-MM-DD`, or `''` before TMDB has a date. */
  release_date: text,
  overview: text,
  poster_path: text,
});
export type TmdbMovieSummaryResource = z.infer<typeof tmdbMovieSummarySchema>;

/** `GET /3/movie/{id}`. */
export const tmdbMovieSchema = tmdbMovieSummarySchema.extend({
  /** Minutes; TMDB answers 0 or null when it does not know. */
  runtime: absentIfInvalid(z.number().int().positive()),
  imdb_id: absentIfInvalid(z.string().regex(/^tt\d+$/)),
});
export type TmdbMovieResource = z.infer<typeof tmdbMovieSchema>;

/** `GET /3/search/movie`. A result without an id or title is useless to a caller, so it fails the page. */
export const tmdbSearchPageSchema = z.object({
  page: count,
  results: z.array(tmdbMovieSummarySchema),
  total_pages: count,
  total_results: count,
});
export type TmdbSearchPageResource = z.infer<typeof tmdbSearchPageSchema>;
