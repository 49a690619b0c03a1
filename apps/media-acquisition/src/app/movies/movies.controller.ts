import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Roles } from '@keel/platform';
import { MEDIA_WRITE } from '../auth/media-write.roles';
import { CreateMovieDto } from './dto/create-movie.dto';
import { DeleteMovieQuery } from './dto/delete-movie.query';
import { UpdateMovieDto } from './dto/update-movie.dto';
import { HistoryResponse } from './dto/history.response';
import { MovieListResponse, MovieResponse } from './dto/movie.response';
import { MoviesService } from './movies.service';

@ApiTags('movies')
@ApiBearerAuth()
@ApiProblemResponses({ status: 401, description: 'Missing, invalid or expired token' })
@Controller({ path: 'movies', version: '1' })
export class MoviesController {
  constructor(private readonly movies: MoviesService) {}

  @Post()
  @HttpCode(201)
  @Roles(MEDIA_WRITE)
  @ApiOperation({
    summary: 'Adds a wanted movie',
    description: 'With only `tmdbId`, title, year, runtime and IMDb id come from TMDB; fields the caller gives win',
  })
  @ApiCreatedResponse({ type: MovieResponse })
  @ApiProblemResponses(
    {
      status: 400,
      description:
        'Invalid input; `errors` names each fault. Also: neither title+year nor tmdbId, or a tmdbId TMDB does not know',
    },
    { status: 404, description: 'No quality profile has that name' },
    { status: 409, description: 'The movie (title and year, or its TMDb/IMDb id) is already wanted' },
    { status: 502, description: 'TMDB answered outside its contract, or refused the key (TMDB_API_KEY)' },
    { status: 503, description: 'TMDB is unreachable or its circuit is open (only when TMDB had to be asked)' },
    { status: 504, description: 'TMDB did not answer in time (TMDB_SERVICE_TIMEOUT)' },
  )
  create(@Body() body: CreateMovieDto): Promise<MovieResponse> {
    return this.movies.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every wanted movie, newest first' })
  @ApiOkResponse({ type: MovieListResponse })
  async list(): Promise<MovieListResponse> {
    return { items: await this.movies.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One movie, with its imported file and its latest download' })
  @ApiOkResponse({ type: MovieResponse })
  @ApiProblemResponses({ status: 404, description: 'No such movie' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<MovieResponse> {
    return this.movies.get(id);
  }

  @Put(':id')
  @Roles(MEDIA_WRITE)
  @ApiOperation({
    summary: 'Edits a movie: monitored, quality profile, runtime',
    description: 'Fields left out keep their value. Title, year and ids are not editable',
  })
  @ApiOkResponse({ type: MovieResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid input; `errors` names each fault' },
    { status: 403, description: 'The caller lacks a write role (MEDIA_WRITE_ROLES)' },
    { status: 404, description: 'No such movie, or no quality profile has that name' },
  )
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateMovieDto): Promise<MovieResponse> {
    return this.movies.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(MEDIA_WRITE)
  @ApiOperation({
    summary:
      'Removes a movie with its history; `deleteFiles=true` also removes its file (into MEDIA_RECYCLE_BIN when set)',
    description:
      'As in Radarr, a download in progress stays in qBittorrent: it is no longer ' +
      'tracked or imported. Remove it from the queue first (`DELETE ' +
      '/api/v1/queue/{downloadId}?removeFromClient=true`) to remove the torrent too',
  })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid input' },
    { status: 403, description: 'The caller lacks a write role (MEDIA_WRITE_ROLES)' },
    { status: 404, description: 'No such movie' },
  )
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DeleteMovieQuery): Promise<void> {
    await this.movies.delete(id, query.deleteFiles ?? false);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'What happened to the movie: grabs, imports, failures, blocklistings' })
  @ApiOkResponse({ type: HistoryResponse })
  @ApiProblemResponses({ status: 404, description: 'No such movie' })
  async history(@Param('id', new ParseUUIDPipe()) id: string): Promise<HistoryResponse> {
    return { items: await this.movies.history(id) };
  }
}
