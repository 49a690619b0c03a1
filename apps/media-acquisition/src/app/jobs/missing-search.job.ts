import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import { GrabService } from '../grab/grab.service';
import { MoviesRepository } from '../movies/movies.repository';
import { MISSING_SEARCH_JOB } from './job.names';
import { ScheduledJobsService } from './scheduled-jobs.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Radarr's missing-movie search: every MEDIA_MISSING_SEARCH_INTERVAL, each monitored wanted movie is searched
 * and its best approved release grabbed, one movie after another with MEDIA_MISSING_SEARCH_PAUSE
 * between them, so a long wanted list is spread over time instead of spending Prowlarr's rate limit
 * in one burst. Once per interval for the whole fleet (ScheduledJobsService).
 */
@Injectable()
export class MissingSearchJob implements OnModuleInit {
  constructor(
    private readonly jobs: ScheduledJobsService,
    private readonly movies: MoviesRepository,
    private readonly grabs: GrabService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MISSING_SEARCH_JOB,
      intervalMs: this.config.missingSearchIntervalMs,
      run: () => this.run(),
    });
  }

  async run(): Promise<string> {
    // Unmonitored movies are never grabbed by themselves (Radarr's MonitoredMovieSpecification).
    const wanted = (await this.movies.list(10_000)).filter((movie) => movie.status === 'wanted' && movie.monitored);
    let grabbed = 0;
    for (const [i, movie] of wanted.entries()) {
      if (i > 0) await sleep(this.config.missingSearchPauseMs);
      grabbed += await this.grabs.grab(movie, undefined, 'missingSearch').then(
        () => 1,
        () => 0,
      );
    }
    return `${wanted.length} wanted, ${grabbed} grabbed`;
  }
}
