import { Module } from '@nestjs/common';
import { MediaMetricsModule } from '../metrics/media-metrics.module';
import { MoviesModule } from '../movies/movies.module';
import { TrackingModule } from '../tracking/tracking.module';
import { CompletedDownloadHandler } from './completed-download.handler';
import { MovieFileImporter } from './movie-file.importer';

/** Puts a completed download's movie file into the library, exactly once. */
@Module({
  imports: [MoviesModule, TrackingModule, MediaMetricsModule],
  providers: [MovieFileImporter, CompletedDownloadHandler],
  exports: [CompletedDownloadHandler],
})
export class ImportModule {}
