import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Roles } from '@keel/platform';
import { MEDIA_WRITE } from '../auth/media-write.roles';
import { MovieDownloadResponse } from '../movies/dto/movie.response';
import { toDownloadResponse } from '../movies/movie.mapper';
import { MoviesService } from '../movies/movies.service';
import { QualityProfilesService } from '../profiles/quality-profiles.service';
import { ReleaseSearchService } from '../search/release-search.service';
import { SearchResponse } from '../search/dto/search.response';
import { toSearchResponse } from '../search/search.mapper';
import { GrabDto } from './dto/grab.dto';
import { GrabService } from './grab.service';

const DOWNSTREAM_PROBLEMS = [
  {
    status: 503,
    description: 'Prowlarr or qBittorrent is unavailable, rate-limited or its circuit is open; see Retry-After',
  },
  { status: 504, description: 'Prowlarr or qBittorrent did not answer in time' },
  { status: 502, description: 'Prowlarr or qBittorrent answered something unexpected' },
];

// Both routes act: a search spends Prowlarr's rate limit, a grab starts a download.
@ApiTags('movies')
@ApiBearerAuth()
@Roles(MEDIA_WRITE)
@ApiProblemResponses(
  { status: 401, description: 'Missing, invalid or expired token' },
  { status: 404, description: 'No such movie' },
  ...DOWNSTREAM_PROBLEMS,
)
@Controller({ path: 'movies/:id', version: '1' })
export class GrabController {
  constructor(
    private readonly movies: MoviesService,
    private readonly profiles: QualityProfilesService,
    private readonly search: ReleaseSearchService,
    private readonly grabs: GrabService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Searches every indexer through Prowlarr and judges each release against the movie’s quality profile',
  })
  @ApiOkResponse({ type: SearchResponse })
  async searchReleases(@Param('id', new ParseUUIDPipe()) id: string): Promise<SearchResponse> {
    const movie = await this.movies.require(id);
    return toSearchResponse(
      movie.id,
      await this.search.search(movie, await this.profiles.byId(movie.qualityProfileId)),
    );
  }

  @Post('grab')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sends the best approved release (or the chosen guid) to qBittorrent and tracks it' })
  @ApiCreatedResponse({ type: MovieDownloadResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid input' },
    { status: 409, description: 'Already downloading, no approved release, or the chosen release is rejected' },
  )
  async grab(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: GrabDto): Promise<MovieDownloadResponse> {
    const movie = await this.movies.require(id);
    return toDownloadResponse(await this.grabs.grab(movie, body.guid));
  }
}
