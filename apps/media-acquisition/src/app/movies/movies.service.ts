import { Inject, Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { MovieRow } from '../db/schema';
import { discardFile } from '../import/recycle-bin';
import { QualityProfilesService } from '../profiles/quality-profiles.service';
import { HistoryRepository } from '../tracking/history.repository';
import { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import type { HistoryEntryResponse } from './dto/history.response';
import { MovieAddedEvents } from './movie-added.events';
import type { CreateMovieDto } from './dto/create-movie.dto';
import type { UpdateMovieDto } from './dto/update-movie.dto';
import type { MovieResponse } from './dto/movie.response';
import { toMovieResponse } from './movie.mapper';
import { MovieMetadataService } from './movie-metadata.service';
import { movieExists, unknownMovie } from './movies.errors';
import { MoviesRepository } from './movies.repository';
import type { MoviePatch } from './movies.repository';

@Injectable()
export class MoviesService {
  private readonly logger = new Logger(MoviesService.name);

  constructor(
    private readonly movies: MoviesRepository,
    private readonly profiles: QualityProfilesService,
    private readonly downloads: TrackedDownloadsRepository,
    private readonly events: HistoryRepository,
    private readonly metadata: MovieMetadataService,
    private readonly added: MovieAddedEvents,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  async create(input: CreateMovieDto): Promise<MovieResponse> {
    const profile = await this.profiles.resolve(input.qualityProfile);
    const body = await this.metadata.complete(input);
    const now = new Date();
    const row = await this.movies.insert({
      id: randomUUID(),
      title: body.title.trim(),
      year: body.year,
      tmdbId: body.tmdbId ?? null,
      imdbId: body.imdbId ?? null,
      runtimeMinutes: body.runtimeMinutes ?? null,
      qualityProfileId: profile.id,
      status: 'wanted',
      monitored: input.monitored ?? true,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw movieExists(body.title, body.year);
    this.added.publish({ movie: row, search: input.searchOnAdd });
    return toMovieResponse(row, profile.name);
  }

  /** Changes what the body gives (monitored, quality profile, runtime); the rest stays. */
  async update(id: string, input: UpdateMovieDto): Promise<MovieResponse> {
    await this.require(id);
    const patch: MoviePatch = { monitored: input.monitored, runtimeMinutes: input.runtimeMinutes };
    if (input.qualityProfile !== undefined)
      patch.qualityProfileId = (await this.profiles.resolve(input.qualityProfile)).id;
    const row = await this.movies.update(
      id,
      Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    );
    if (!row) throw unknownMovie(id);
    return this.get(row.id);
  }

  /**
   * Removes the movie with its history, blocklist and download tracking (the foreign keys cascade).
   * As in Radarr, a download in progress is left in qBittorrent (it keeps seeding; nothing imports it
   * any more). With `deleteFiles`, the imported file goes to MEDIA_RECYCLE_BIN, or is deleted without one.
   */
  async delete(id: string, deleteFiles: boolean): Promise<void> {
    const row = await this.require(id);
    const file = await this.movies.file(row.id);
    if (!(await this.movies.delete(row.id))) throw unknownMovie(id);
    if (!deleteFiles || !file) return;
    const outcome = await discardFile(join(this.config.libraryRoot, file.relativePath), this.config.recycleBin);
    this.logger.log({ msg: 'movie deleted with its file', movieId: row.id, file: file.relativePath, outcome });
  }

  async list(limit = 500): Promise<MovieResponse[]> {
    const [rows, profiles] = await Promise.all([this.movies.list(limit), this.profiles.list()]);
    const names = new Map(profiles.map((p) => [p.id, p.name]));
    return rows.map((row) => toMovieResponse(row, names.get(row.qualityProfileId) ?? ''));
  }

  async get(id: string): Promise<MovieResponse> {
    const { row, file, download } = await this.movies.snapshot(async (db) => ({
      row: await this.movies.find(id, db),
      file: await this.movies.file(id, db),
      download: await this.downloads.latestForMovie(id, db),
    }));
    if (!row) throw unknownMovie(id);
    const profile = await this.profiles.byId(row.qualityProfileId);
    return toMovieResponse(row, profile.name, file, download);
  }

  async history(id: string): Promise<HistoryEntryResponse[]> {
    await this.require(id);
    return (await this.events.forMovie(id)).map((h) => ({
      event: h.event,
      sourceTitle: h.sourceTitle,
      downloadId: h.downloadId ?? undefined,
      quality: h.quality ?? undefined,
      data: h.data,
      date: h.date.toISOString(),
    }));
  }

  async require(id: string): Promise<MovieRow> {
    const row = await this.movies.find(id);
    if (!row) throw unknownMovie(id);
    return row;
  }
}
