import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { MovieRow } from '../db/schema';
import { MovieAddedEvents } from '../movies/movie-added.events';
import { GrabService } from './grab.service';

/**
 * Radarr's "search on add": a movie added with `searchOnAdd` (default MEDIA_SEARCH_ON_ADD, true) is
 * searched and its best approved release grabbed at once, after the add has answered. A search that
 * finds nothing, or a downstream that fails, is logged: the movie stays wanted.
 */
@Injectable()
export class SearchOnAddListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SearchOnAddListener.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly added: MovieAddedEvents,
    private readonly grabs: GrabService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.added.subscribe(({ movie, search }) => {
      if (search ?? this.config.searchOnAdd) void this.searchAndGrab(movie);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async searchAndGrab(movie: MovieRow): Promise<void> {
    try {
      const download = await this.grabs.grab(movie, undefined, 'searchOnAdd');
      this.logger.log({ msg: 'grabbed on add', movieId: movie.id, release: download.releaseTitle });
    } catch (error) {
      this.logger.warn({ msg: 'search on add grabbed nothing', movieId: movie.id, error: (error as Error).message });
    }
  }
}
