import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiProblemResponses } from '@keel/platform';
import { RadarrBodyPipe } from './radarr-body.pipe';
import { AddMovieV3Dto, UpdateMovieV3Dto } from './radarr-v3.dto';
import { RadarrV3Api } from './radarr-v3.decorators';
import {
  V3DeleteMovieQuery,
  V3LookupQuery,
  V3LookupTmdbQuery,
  V3MovieListQuery,
  V3Query,
  V3UpdateMovieQuery,
} from './radarr-v3.query';
import { RadarrV3Service } from './radarr-v3.service';

/** Radarr's `/api/v3/movie`: what Overseerr and Jellyseerr call to find, add and remove a movie. */
@RadarrV3Api()
@Controller({ path: 'v3/movie', version: VERSION_NEUTRAL })
export class V3MovieController {
  constructor(private readonly v3: RadarrV3Service) {}

  @Get()
  @ApiOperation({ summary: 'Every movie, or the one with `tmdbId`' })
  list(@Query() query: V3MovieListQuery) {
    return this.v3.movieList(query.tmdbId);
  }

  @Get('lookup')
  @ApiOperation({ summary: 'Looks up `tmdb:<id>`: the library’s movie, or TMDB’s' })
  @ApiProblemResponses(
    { status: 404, description: 'TMDB knows no such movie' },
    { status: 503, description: 'TMDB is unavailable' },
  )
  lookup(@Query() query: V3LookupQuery) {
    return this.v3.lookup(query.term);
  }

  @Get('lookup/tmdb')
  @ApiOperation({ summary: 'Looks up one TMDB id' })
  @ApiProblemResponses(
    { status: 404, description: 'TMDB knows no such movie' },
    { status: 503, description: 'TMDB is unavailable' },
  )
  lookupTmdb(@Query() query: V3LookupTmdbQuery) {
    return this.v3.lookupTmdb(query.tmdbId);
  }

  @Get(':id')
  @ApiProblemResponses({ status: 404, description: 'No such movie' })
  get(@Param('id', ParseIntPipe) id: number, @Query() _query: V3Query) {
    return this.v3.movie(id);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Adds a movie by TMDB id; `addOptions.searchForMovie` searches and grabs at once' })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid input' },
    { status: 409, description: 'The movie is already in the library' },
  )
  add(@Body(new RadarrBodyPipe(AddMovieV3Dto)) body: Record<string, unknown>, @Query() _query: V3Query) {
    return this.v3.add(body as unknown as AddMovieV3Dto);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Edits a movie: `monitored` and `qualityProfileId` of the resource sent back; other fields are ignored',
  })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid input, or an unknown qualityProfileId' },
    { status: 404, description: 'No such movie' },
  )
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body(new RadarrBodyPipe(UpdateMovieV3Dto)) body: Record<string, unknown>,
    @Query() _query: V3UpdateMovieQuery,
  ) {
    return this.v3.update(id, body as unknown as UpdateMovieV3Dto);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Removes a movie; `deleteFiles` moves its file to MEDIA_RECYCLE_BIN (or deletes it)' })
  @ApiProblemResponses({ status: 404, description: 'No such movie' })
  async remove(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: V3DeleteMovieQuery,
  ): Promise<Record<string, never>> {
    await this.v3.delete(id, query.deleteFiles ?? false);
    return {};
  }
}
