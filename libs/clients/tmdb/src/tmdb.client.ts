import { Inject, Injectable } from '@nestjs/common';
import { DownstreamContractError, InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import type { z } from 'zod';
import type { HttpAnswer, HttpCall } from '@keel/clients-core';
import { toMovie, toSearchPage } from './tmdb.mapper';
import { tmdbMovieSchema, tmdbSearchPageSchema } from './tmdb.schemas';
import { TMDB, TMDB_API_KEY } from './tmdb.constants';
import type { TmdbMovie, TmdbSearchPage } from './tmdb.types';

/** Typed client of TMDB API v3: movie details and movie search. */
@Injectable()
export class TmdbClient {
  constructor(
    @InjectHttpClient(TMDB) private readonly http: ResilientHttpClient,
    @Inject(TMDB_API_KEY) private readonly apiKey: string,
  ) {}

  /** The movie with TMDB id `tmdbId`; `undefined` when TMDB knows none (its 404). */
  async movie(tmdbId: number, signal?: AbortSignal): Promise<TmdbMovie | undefined> {
    const answer = await this.send({ operation: 'movie', path: encodePath`/3/movie/${tmdbId}`, signal });
    if (answer.status === 404) return undefined;
    if (answer.status >= 300) throw this.http.rejected(answer);
    return toMovie(this.http.parse(answer, checked(tmdbMovieSchema)));
  }

  /** Movies whose title matches `query`, most popular first; `year` narrows to a release year. */
  async search(query: string, year?: number, page?: number, signal?: AbortSignal): Promise<TmdbSearchPage> {
    const answer = await this.send({
      operation: 'search',
      path: '/3/search/movie',
      query: { query, year, page, include_adult: false },
      signal,
    });
    if (answer.status >= 300) throw this.http.rejected(answer);
    return toSearchPage(this.http.parse(answer, checked(tmdbSearchPageSchema)));
  }

  /**
   * The key travels as `Authorization: Bearer` (TMDB's v4 read token), never as `?api_key=`: a URL
   * ends up in access logs and traces, a header does not.
   */
  private send(call: HttpCall): Promise<HttpAnswer> {
    return this.http.send({ ...call, headers: { ...call.headers, authorization: `Bearer ${this.apiKey}` } });
  }
}

/** Interim: until the clients-core answers map lands, a schema checked by hand. */
function checked<T>(schema: z.ZodType<T>): (body: unknown) => T {
  return (body) => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw new DownstreamContractError(
      TMDB,
      result.error.issues.map((issue) => `${['body', ...issue.path].join('.')}: ${issue.message}`),
    );
  };
}
