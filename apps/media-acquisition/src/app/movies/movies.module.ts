import { Module } from '@nestjs/common';
import { TmdbClientModule } from '@keel/clients-tmdb';
import { QualityProfilesModule } from '../profiles/quality-profiles.module';
import { TrackingModule } from '../tracking/tracking.module';
import { MovieAddedEvents } from './movie-added.events';
import { MovieMetadataService } from './movie-metadata.service';
import { MoviesController } from './movies.controller';
import { MoviesRepository } from './movies.repository';
import { MoviesService } from './movies.service';

@Module({
  imports: [QualityProfilesModule, TrackingModule, TmdbClientModule],
  controllers: [MoviesController],
  providers: [MoviesService, MoviesRepository, MovieMetadataService, MovieAddedEvents],
  exports: [MoviesService, MoviesRepository, MovieAddedEvents],
})
export class MoviesModule {}
