import { Inject, Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { TrackedDownloadRow } from '../db/schema';
import { MEDIA_METRICS } from '../metrics/media-metrics.providers';
import { MoviesRepository } from '../movies/movies.repository';
import { TrackedDownloads } from '../tracking/tracked-downloads.service';
import type { ImportOutcome } from './import-outcome';
import { MovieFileImporter } from './movie-file.importer';
import { discardFile } from './recycle-bin';

/**
 * ImportPending → Importing → Imported (or ImportBlocked), Radarr's CompletedDownloadService.
 *
 * Exactly once, across ticks, restarts and replicas: the import is claimed by a compare-and-set
 * (`importPending` → `importing`), the importer is idempotent (a file already linked at its
 * destination counts as imported), the movie's file row is keyed by movie, and only the one call
 * whose compare-and-set moves the download to `imported` records the history entry.
 */
@Injectable()
export class CompletedDownloadHandler {
  private readonly logger = new Logger(CompletedDownloadHandler.name);

  constructor(
    private readonly importer: MovieFileImporter,
    private readonly downloads: TrackedDownloads,
    private readonly movies: MoviesRepository,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
    @InjectMetric(MEDIA_METRICS.imports) private readonly imports: Counter<'outcome'>,
  ) {}

  async import(row: TrackedDownloadRow): Promise<void> {
    // An `importing` row untouched for a lease's TTL was left by a replica that died (or restarted)
    // mid-import: it is claimed again. A live importer's row is not, however many monitors look.
    const claimed = await this.downloads.claimImport(row, this.config.monitorLeaseTtlMs);
    if (!claimed) return;
    const movie = await this.movies.find(claimed.movieId);
    if (!movie || !claimed.outputPath) {
      await this.block(
        claimed,
        movie ? 'qBittorrent reported no content path for the download' : 'The movie was deleted',
      );
      return;
    }
    let outcome: ImportOutcome;
    try {
      outcome = await this.importer.import({
        contentPath: claimed.outputPath,
        libraryRoot: this.config.libraryRoot,
        movie: { title: movie.title, year: movie.year },
        quality: { name: claimed.quality },
        revision: { version: claimed.revisionVersion, real: claimed.revisionReal },
      });
    } catch (error) {
      // An I/O failure (disk full, permissions): back to pending, so the next tick tries again.
      this.logger.warn({
        msg: 'import failed; will retry',
        downloadId: claimed.downloadId,
        error: (error as Error).message,
      });
      this.imports.inc({ outcome: 'error' });
      await this.downloads.importFailed(claimed, `Import failed: ${(error as Error).message}`);
      return;
    }
    if (outcome.kind === 'blocked') {
      await this.block(claimed, outcome.message);
      return;
    }
    const previous = await this.movies.file(movie.id);
    const imported = await this.downloads.imported(
      claimed,
      {
        relativePath: outcome.relativePath,
        sizeBytes: outcome.size,
        quality: claimed.quality,
        revisionVersion: claimed.revisionVersion,
        revisionReal: claimed.revisionReal,
        transfer: outcome.mode,
      },
      { path: outcome.relativePath, transfer: outcome.mode, alreadyPresent: outcome.alreadyPresent },
    );
    if (!imported) return;
    // An upgrade: the superseded file leaves the library (the download it came from keeps seeding).
    if (previous && previous.relativePath !== outcome.relativePath) await this.removeSuperseded(previous.relativePath);
    this.imports.inc({ outcome: 'imported' });
    this.logger.log({
      msg: 'movie imported',
      movieId: movie.id,
      downloadId: claimed.downloadId,
      path: outcome.relativePath,
      transfer: outcome.mode,
    });
  }

  /** The superseded file goes to the recycle bin (MEDIA_RECYCLE_BIN), or is deleted without one. */
  private async removeSuperseded(relativePath: string): Promise<void> {
    await discardFile(join(this.config.libraryRoot, relativePath), this.config.recycleBin).then(
      (how) => this.logger.log({ msg: 'superseded file removed from the library', path: relativePath, how }),
      (error: Error) =>
        this.logger.warn({ msg: 'could not remove the superseded file', path: relativePath, error: error.message }),
    );
  }

  private async block(row: TrackedDownloadRow, message: string): Promise<void> {
    if (!(await this.downloads.importBlocked(row, message))) return;
    this.imports.inc({ outcome: 'blocked' });
    this.logger.warn({ msg: 'import blocked', downloadId: row.downloadId, reason: message });
  }
}
