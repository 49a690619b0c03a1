import { Inject, Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import type { AnsweredCall, Answered, Answers } from '@keel/clients-core';
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
  async movie(tmdbId: number): Promise<TmdbMovie | undefined> {
    const answer = await this.call({
      operation: 'movie',
      path: encodePath`/3/movie/${tmdbId}`,
      answers: { 200: tmdbMovieSchema, 404: null },
    });
    return answer.status === 200 ? toMovie(answer.body) : undefined;
  }

  /** Movies whose title matches `query`, most popular first; `year` narrows to a release year. */
  async search(query: string, year?: number, page?: number): Promise<TmdbSearchPage> {
    const answer = await this.call({
      operation: 'search',
      path: '/3/search/movie',
      query: { query, year, page, include_adult: false },
      answers: { 200: tmdbSearchPageSchema },
    });
    return toSearchPage(answer.body);
  }

  /**
   * The key travels as `Authorization: Bearer` (TMDB's v4 read token), never as `?api_key=`: a URL
   * ends up in access logs and traces, a header does not.
   */
  private call<const A extends Answers>(call: AnsweredCall<A>): Promise<Answered<A>> {
    return this.http.call({ ...call, headers: { ...call.headers, authorization: `Bearer ${this.apiKey}` } });
  }
}
