import { BadRequestException, Injectable } from '@nestjs/common';
import { TmdbClient } from '@keel/clients-tmdb';
import type { CreateMovieDto } from './dto/create-movie.dto';

/** A movie to add, with its title and year known. */
export type CompleteMovie = CreateMovieDto & { title: string; year: number };

/**
 * Fills what the caller left out from TMDB, as Radarr does when a movie is added by its TMDB id.
 * What the caller gives always wins; TMDB is asked only when title or year is missing, so a fully
 * described movie is added even while TMDB is unreachable. TMDB's failures pass through as the
 * platform maps them: down or circuit open 503, timeout 504, an answer we cannot use 502.
 */
@Injectable()
export class MovieMetadataService {
  constructor(private readonly tmdb: TmdbClient) {}

  async complete(body: CreateMovieDto): Promise<CompleteMovie> {
    if (body.title !== undefined && body.year !== undefined) return { ...body, title: body.title, year: body.year };
    if (body.tmdbId === undefined) throw new BadRequestException('title and year are required unless tmdbId is given');
    const movie = await this.tmdb.movie(body.tmdbId);
    // 400, not 404: the route exists; it is the body that names a movie TMDB does not know.
    if (movie === undefined) throw new BadRequestException(`TMDB knows no movie with tmdbId ${body.tmdbId}`);
    const year = body.year ?? movie.year;
    if (year === undefined)
      throw new BadRequestException(`TMDB has no release date for '${movie.title}' (tmdbId ${body.tmdbId}); give year`);
    return {
      ...body,
      title: body.title ?? movie.title,
      year,
      imdbId: body.imdbId ?? movie.imdbId,
      runtimeMinutes: body.runtimeMinutes ?? movie.runtimeMinutes,
    };
  }
}
