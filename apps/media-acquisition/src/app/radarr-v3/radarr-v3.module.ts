import { Module } from '@nestjs/common';
import { TmdbClient, TmdbClientModule } from '@keel/clients-tmdb';
import { GrabModule } from '../grab/grab.module';
import { JobsModule } from '../jobs/jobs.module';
import { MoviesModule } from '../movies/movies.module';
import { QualityProfilesModule } from '../profiles/quality-profiles.module';
import { TrackingModule } from '../tracking/tracking.module';
import { MOVIE_METADATA } from './movie-metadata';
import type { MovieMetadataSource } from './movie-metadata';
import { RadarrApiKeyGuard } from './radarr-api-key.guard';
import { RadarrIdsRepository } from './radarr-ids.repository';
import { RadarrV3Service } from './radarr-v3.service';
import { V3MovieController } from './v3-movie.controller';
import { V3SystemController } from './v3-system.controller';

/** TMDB, as Radarr's own metadata source; a movie without a release year is one we cannot add. */
function tmdbMetadata(tmdb: TmdbClient): MovieMetadataSource {
  return {
    byTmdbId: async (tmdbId) => {
      const movie = await tmdb.movie(tmdbId);
      if (!movie || movie.year === undefined) return undefined;
      return {
        tmdbId,
        title: movie.title,
        year: movie.year,
        runtime: movie.runtimeMinutes,
        imdbId: movie.imdbId,
        overview: movie.overview,
      };
    },
  };
}

/** A subset of Radarr's v3 API under `/api/v3`, for the tools Radarr users already have. */
@Module({
  imports: [MoviesModule, QualityProfilesModule, TrackingModule, GrabModule, JobsModule, TmdbClientModule],
  controllers: [V3SystemController, V3MovieController],
  providers: [
    RadarrV3Service,
    RadarrIdsRepository,
    RadarrApiKeyGuard,
    { provide: MOVIE_METADATA, inject: [TmdbClient], useFactory: tmdbMetadata },
  ],
})
export class RadarrV3Module {}
