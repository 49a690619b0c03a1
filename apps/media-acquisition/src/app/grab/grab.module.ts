import { Module } from '@nestjs/common';
import { QbittorrentClientModule } from '@keel/clients-qbittorrent';
import { MediaMetricsModule } from '../metrics/media-metrics.module';
import { MoviesModule } from '../movies/movies.module';
import { QualityProfilesModule } from '../profiles/quality-profiles.module';
import { SearchModule } from '../search/search.module';
import { TrackingModule } from '../tracking/tracking.module';
import { GrabController } from './grab.controller';
import { GrabService } from './grab.service';
import { SearchOnAddListener } from './search-on-add.listener';
import { TorrentSender } from './torrent.sender';

/**
 * `POST /movies/{id}/search` and `/grab`: sends the chosen release to qBittorrent and starts tracking
 * it. The one importer of the qBittorrent client in the app (re-exported), as SearchModule is of Prowlarr's.
 */
@Module({
  imports: [
    QbittorrentClientModule,
    MoviesModule,
    QualityProfilesModule,
    SearchModule,
    TrackingModule,
    MediaMetricsModule,
  ],
  controllers: [GrabController],
  providers: [GrabService, TorrentSender, SearchOnAddListener],
  exports: [GrabService, TorrentSender, QbittorrentClientModule],
})
export class GrabModule {}
