import { Module } from '@nestjs/common';
import { ProwlarrClientModule } from '@keel/clients-prowlarr';
import { MediaMetricsModule } from '../metrics/media-metrics.module';
import { MoviesModule } from '../movies/movies.module';
import { QualityProfilesModule } from '../profiles/quality-profiles.module';
import { TrackingModule } from '../tracking/tracking.module';
import { ReleaseSearchService } from './release-search.service';

/**
 * Searches every indexer through Prowlarr and judges each release against the movie's profile. The
 * one importer of the Prowlarr client in the app (re-exported), so the app has one client and one
 * set of policies for it.
 */
@Module({
  imports: [ProwlarrClientModule, MoviesModule, QualityProfilesModule, TrackingModule, MediaMetricsModule],
  providers: [ReleaseSearchService],
  exports: [ReleaseSearchService, ProwlarrClientModule],
})
export class SearchModule {}
