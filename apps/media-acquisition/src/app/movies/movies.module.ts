import { Module } from '@nestjs/common';
import { QualityProfilesModule } from '../profiles/quality-profiles.module';
import { TrackingModule } from '../tracking/tracking.module';
import { MoviesController } from './movies.controller';
import { MoviesRepository } from './movies.repository';
import { MoviesService } from './movies.service';

@Module({
  imports: [QualityProfilesModule, TrackingModule],
  controllers: [MoviesController],
  providers: [MoviesService, MoviesRepository],
  exports: [MoviesService, MoviesRepository],
})
export class MoviesModule {}
