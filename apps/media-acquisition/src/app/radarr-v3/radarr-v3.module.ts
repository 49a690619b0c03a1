import { Module } from '@nestjs/common';
import { AcquisitionModule } from '../acquisition.module';
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

/** Without a metadata source, only movies already in the library can be looked up. */
const NO_METADATA: MovieMetadataSource = { byTmdbId: async () => undefined };

/** A subset of Radarr's v3 API under `/api/v3`, for the tools Radarr users already have. */
@Module({
  imports: [MoviesModule, QualityProfilesModule, TrackingModule, AcquisitionModule],
  controllers: [V3SystemController, V3MovieController],
  providers: [RadarrV3Service, RadarrIdsRepository, RadarrApiKeyGuard, { provide: MOVIE_METADATA, useValue: NO_METADATA }],
})
export class RadarrV3Module {}
