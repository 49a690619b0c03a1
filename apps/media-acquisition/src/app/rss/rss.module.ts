import { Module } from '@nestjs/common';
import { GrabModule } from '../grab/grab.module';
import { MoviesModule } from '../movies/movies.module';
import { QualityProfilesModule } from '../profiles/quality-profiles.module';
import { SearchModule } from '../search/search.module';
import { RssSyncService } from './rss-sync.service';

/** RSS sync: new releases from the indexers' feeds, matched to wanted movies and grabbed. */
@Module({
  imports: [SearchModule, MoviesModule, QualityProfilesModule, GrabModule],
  providers: [RssSyncService],
  exports: [RssSyncService],
})
export class RssModule {}
