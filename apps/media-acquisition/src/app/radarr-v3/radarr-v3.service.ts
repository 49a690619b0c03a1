import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { INT32_MAX } from '@keel/platform';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { MovieRow } from '../db/schema';
import { GrabService } from '../grab/grab.service';
import { MoviesRepository } from '../movies/movies.repository';
import { MoviesService } from '../movies/movies.service';
import { QualityProfilesService } from '../profiles/quality-profiles.service';
import { HistoryRepository } from '../tracking/history.repository';
import { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import { MOVIE_METADATA } from './movie-metadata';
import type { MovieMetadataSource } from './movie-metadata';
import type { AddMovieV3Dto, UpdateMovieV3Dto } from './radarr-v3.dto';
import { RadarrIdsRepository } from './radarr-ids.repository';
import {
  toHistoryResource,
  toLookupResource,
  toMovieResource,
  toQualityProfileResource,
  toQueueResource,
} from './radarr-v3.mapper';

/** Radarr's paging envelope. */
export interface Page<T> {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDirection: 'descending';
  totalRecords: number;
  records: T[];
}

/**
 * Radarr's v3 resources over media-acquisition's own services: the shapes Radarr's clients
 * (Overseerr, Jellyseerr, scripts) read, with integer ids from `RadarrIdsRepository`.
 */
@Injectable()
export class RadarrV3Service {
  private readonly logger = new Logger(RadarrV3Service.name);

  constructor(
    private readonly ids: RadarrIdsRepository,
    private readonly movies: MoviesService,
    private readonly movieRows: MoviesRepository,
    private readonly profiles: QualityProfilesService,
    private readonly downloads: TrackedDownloadsRepository,
    private readonly history: HistoryRepository,
    private readonly grabs: GrabService,
    @Inject(MOVIE_METADATA) private readonly metadata: MovieMetadataSource,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  async qualityProfiles() {
    const profiles = await this.profiles.list();
    const ids = await this.ids.idsFor(
      'profile',
      profiles.map((p) => p.id),
    );
    return profiles.map((profile) => toQualityProfileResource(profile, ids.get(profile.id) as number));
  }

  rootFolders() {
    return [{ id: 1, path: this.config.libraryRoot, accessible: true, unmappedFolders: [] }];
  }

  async movieList(tmdbId?: number) {
    const rows =
      tmdbId === undefined
        ? await this.movieRows.list(10_000)
        : [await this.movieRows.findByTmdbId(tmdbId)].filter((row): row is MovieRow => row !== undefined);
    return this.resources(rows);
  }

  async movie(id: number) {
    return (await this.resources([await this.movieRow(id)]))[0];
  }

  /** `movie/lookup?term=tmdb:603` (or `imdb:`, or a bare TMDB id): the library's movie, or the metadata source's. */
  async lookup(term: string) {
    const match = /^(?:tmdb:)?(\d{1,10})$/i.exec(term.trim());
    if (!match)
      throw new BadRequestException(
        'term must be tmdb:<id>; title search needs TMDB search, which this subset does not offer',
      );
    const tmdbId = Number(match[1]);
    // The id is stored as a Postgres integer: a larger one can name no movie here or at TMDB.
    if (tmdbId < 1 || tmdbId > INT32_MAX) throw new BadRequestException(`term's TMDB id must be 1 to ${INT32_MAX}`);
    return [await this.lookupTmdb(tmdbId)];
  }

  async lookupTmdb(tmdbId: number) {
    const existing = await this.movieRows.findByTmdbId(tmdbId);
    if (existing) return (await this.resources([existing]))[0];
    const found = await this.metadata.byTmdbId(tmdbId);
    if (!found) throw new NotFoundException(`TMDB knows no movie ${tmdbId}`);
    return toLookupResource(found, this.config.libraryRoot);
  }

  async add(body: AddMovieV3Dto) {
    const profileKey =
      body.qualityProfileId === undefined ? undefined : await this.ids.keyFor('profile', body.qualityProfileId);
    if (body.qualityProfileId !== undefined && !profileKey)
      throw new BadRequestException(`qualityProfileId ${body.qualityProfileId} does not exist`);
    const profile = profileKey ? await this.profiles.byId(profileKey) : undefined;
    // MoviesService fills what is missing (title, year, runtime) from TMDB, as the v1 API does.
    // Radarr searches on add only when asked (`addOptions.searchForMovie`), whatever MEDIA_SEARCH_ON_ADD says.
    const created = await this.movies.create({
      title: body.title,
      year: body.year,
      tmdbId: body.tmdbId,
      imdbId: body.imdbId,
      runtimeMinutes: body.runtime || undefined,
      qualityProfile: profile?.name,
      monitored: body.monitored,
      searchOnAdd: body.addOptions?.searchForMovie ?? false,
    });
    const row = await this.movieRows.find(created.id);
    return (await this.resources([row as MovieRow]))[0];
  }

  /** Radarr's movie edit: `monitored` and `qualityProfileId` are acted on; the rest of the resource is ignored. */
  async update(id: number, body: UpdateMovieV3Dto) {
    const row = await this.movieRow(id);
    const profileKey =
      body.qualityProfileId === undefined ? undefined : await this.ids.keyFor('profile', body.qualityProfileId);
    if (body.qualityProfileId !== undefined && !profileKey)
      throw new BadRequestException(`qualityProfileId ${body.qualityProfileId} does not exist`);
    const profile = profileKey ? await this.profiles.byId(profileKey) : undefined;
    await this.movies.update(row.id, { monitored: body.monitored, qualityProfile: profile?.name });
    return this.movie(id);
  }

  async delete(id: number, deleteFiles: boolean): Promise<void> {
    await this.movies.delete((await this.movieRow(id)).id, deleteFiles);
  }

  async queue(page: number, pageSize: number): Promise<Page<ReturnType<typeof toQueueResource>>> {
    const rows = await this.downloads.active();
    const [downloadIds, movieIds] = await Promise.all([
      this.ids.idsFor(
        'download',
        rows.map((r) => r.id),
      ),
      this.ids.idsFor(
        'movie',
        rows.map((r) => r.movieId),
      ),
    ]);
    const records = rows.map((row) =>
      toQueueResource(row, downloadIds.get(row.id) as number, movieIds.get(row.movieId) as number),
    );
    return {
      page,
      pageSize,
      sortKey: 'timeleft',
      sortDirection: 'descending',
      totalRecords: records.length,
      records: records.slice((page - 1) * pageSize, page * pageSize),
    };
  }

  async historyPage(
    page: number,
    pageSize: number,
    movieIds?: number[],
  ): Promise<Page<ReturnType<typeof toHistoryResource>>> {
    const keys = movieIds
      ? (await Promise.all(movieIds.map((id) => this.ids.keyFor('movie', id)))).filter(
          (key): key is string => key !== undefined,
        )
      : undefined;
    const { rows, total } = await this.history.page((page - 1) * pageSize, pageSize, keys);
    const [historyIds, movieIdMap] = await Promise.all([
      this.ids.idsFor(
        'history',
        rows.map((r) => r.id),
      ),
      this.ids.idsFor(
        'movie',
        rows.map((r) => r.movieId),
      ),
    ]);
    return {
      page,
      pageSize,
      sortKey: 'date',
      sortDirection: 'descending',
      totalRecords: total,
      records: rows.map((row) =>
        toHistoryResource(row, historyIds.get(row.id) as number, movieIdMap.get(row.movieId) as number),
      ),
    };
  }

  /**
   * `MoviesSearch` for the ids given (monitored or not, as a user asked); `MissingMoviesSearch` for every monitored
   * wanted movie.
   */
  async searchMovies(movieIds: number[] | undefined): Promise<number> {
    let rows: MovieRow[];
    if (movieIds) {
      const keys = (await Promise.all(movieIds.map((id) => this.ids.keyFor('movie', id)))).filter(
        (key): key is string => key !== undefined,
      );
      rows = await this.movieRows.findMany(keys);
    } else {
      rows = (await this.movieRows.list(10_000)).filter((row) => row.status === 'wanted' && row.monitored);
    }
    this.searchInBackground(rows);
    return rows.length;
  }

  private async movieRow(id: number): Promise<MovieRow> {
    const key = await this.ids.keyFor('movie', id);
    const row = key ? await this.movieRows.find(key) : undefined;
    if (!row) throw new NotFoundException(`Movie ${id} not found`);
    return row;
  }

  private async resources(rows: MovieRow[]) {
    const [ids, profileIds, files] = await Promise.all([
      this.ids.idsFor(
        'movie',
        rows.map((r) => r.id),
      ),
      this.ids.idsFor(
        'profile',
        rows.map((r) => r.qualityProfileId),
      ),
      Promise.all(rows.map((r) => this.movieRows.file(r.id))),
    ]);
    return rows.map((row, i) =>
      toMovieResource(row, {
        id: ids.get(row.id) as number,
        profileId: profileIds.get(row.qualityProfileId) as number,
        libraryRoot: this.config.libraryRoot,
        file: files[i],
      }),
    );
  }

  /**
   * One after another, outside the request (Radarr's commands run in the background too); a failure is logged, not
   * thrown.
   */
  private searchInBackground(rows: MovieRow[]): void {
    void (async () => {
      for (const row of rows) {
        try {
          await this.grabs.grab(row, undefined, 'command');
        } catch (error) {
          this.logger.warn({
            msg: 'search on request found nothing to grab',
            movieId: row.id,
            error: (error as Error).message,
          });
        }
      }
    })();
  }
}
