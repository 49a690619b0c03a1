import { Injectable, Logger } from '@nestjs/common';
import type { MovieFileRow, TrackedDownloadRow, TrackedState } from '../db/schema';
import type { NewHistory } from './history.repository';
import { OutcomeRepository } from './outcome.repository';
import type { FinalStep } from './outcome.repository';
import { QueueEventsService } from './queue-events.service';
import type { QueueEventType } from './queue-events.service';
import { TrackedDownloadsRepository } from './tracked-downloads.repository';
import type { TrackedDownloadPatch } from './tracked-downloads.repository';

/** What qBittorrent said of a download on the latest poll. */
export type ClientReport = Omit<TrackedDownloadPatch, 'state'>;

/** States from which a download may still fail or be dropped from the queue. */
const FAILABLE: readonly TrackedState[] = ['downloading', 'importBlocked'];
const IGNORABLE: readonly TrackedState[] = ['downloading', 'importPending', 'importBlocked'];

/** A file an import put in the library, as the movie's file row records it. */
export type ImportedFile = Omit<MovieFileRow, 'id' | 'importedAt' | 'movieId' | 'downloadId' | 'releaseTitle'>;

/**
 * The one owner of a tracked download's lifecycle: Downloading → ImportPending → Importing →
 * Imported (or ImportBlocked), or FailedPending → Failed, or Ignored. Each step is a compare-and-set
 * on the row's state, so of several workers racing (ticks, restarts, replicas) exactly one moves it;
 * the step's history entry, movie status and blocklist entry are written in the same transaction,
 * and the queue's listeners hear of the step only from the winner. A step that lost the race
 * answers undefined and writes nothing.
 */
@Injectable()
export class TrackedDownloads {
  private readonly logger = new Logger(TrackedDownloads.name);

  constructor(
    private readonly rows: TrackedDownloadsRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly events: QueueEventsService,
  ) {}

  /** Everything the monitor still watches, from the database, so a restart loses nothing. */
  active(): Promise<TrackedDownloadRow[]> {
    return this.rows.active();
  }

  activeFor(movieId: string): Promise<TrackedDownloadRow | undefined> {
    return this.rows.activeForMovie(movieId);
  }

  /** The torrent's latest tracking. */
  byDownloadId(downloadId: string): Promise<TrackedDownloadRow | undefined> {
    return this.rows.findByDownloadId(downloadId);
  }

  countByState(): Promise<Record<string, number>> {
    return this.rows.countByState();
  }

  /**
   * Starts tracking a torrent just sent to qBittorrent, with its history entry and the movie's
   * `downloading`; undefined when another grab of the movie (or of the torrent) won the race.
   */
  async grabbed(row: TrackedDownloadRow, data: Record<string, unknown>): Promise<TrackedDownloadRow | undefined> {
    const tracked = await this.outcomes.grabbed(row, {
      movieId: row.movieId,
      downloadId: row.downloadId,
      event: 'grabbed',
      sourceTitle: row.releaseTitle,
      quality: row.quality,
      data,
    });
    return this.told('grabbed', tracked, row, 'grabbed');
  }

  /** Writes what qBittorrent reports when it differs from the row; the row as it now is. */
  async reported(row: TrackedDownloadRow, report: ClientReport): Promise<TrackedDownloadRow> {
    const changed = (Object.keys(report) as (keyof ClientReport)[]).some(
      (key) => JSON.stringify(report[key]) !== JSON.stringify(row[key]),
    );
    if (!changed) return row;
    const updated = (await this.rows.update(row.id, report)) ?? row;
    this.events.publish('progress', updated);
    return updated;
  }

  /** qBittorrent finished the download: it waits for import. */
  async completed(row: TrackedDownloadRow): Promise<TrackedDownloadRow | undefined> {
    return this.told('state', await this.rows.transition(row.id, ['downloading'], 'importPending'), row, 'completed');
  }

  /**
   * Claims the import: `importPending`, or an `importing` untouched for `staleAfterMs` (its importer
   * died), becomes `importing` for this caller only.
   */
  async claimImport(row: TrackedDownloadRow, staleAfterMs: number): Promise<TrackedDownloadRow | undefined> {
    return this.told('state', await this.rows.claimImport(row.id, staleAfterMs), row, 'claimImport');
  }

  /** An import that failed for a reason that may pass (disk full): back to pending for the next tick. */
  async importFailed(row: TrackedDownloadRow, message: string): Promise<TrackedDownloadRow | undefined> {
    const pending = await this.rows.transition(row.id, ['importing'], 'importPending', { messages: [message] });
    return this.told('state', pending, row, 'importFailed');
  }

  /** The file is in the library: the movie is downloaded, and the file row says which file. */
  async imported(
    row: TrackedDownloadRow,
    file: ImportedFile,
    data: Record<string, unknown>,
  ): Promise<TrackedDownloadRow | undefined> {
    return this.finish(row, 'imported', {
      from: ['importing'],
      to: 'imported',
      messages: [],
      movieStatus: 'downloaded',
      file: { ...file, movieId: row.movieId, downloadId: row.downloadId, releaseTitle: row.releaseTitle },
      history: this.entry(row, 'imported', data),
    });
  }

  /** The import cannot go on without a person (no video file, the movie deleted). */
  async importBlocked(row: TrackedDownloadRow, message: string): Promise<TrackedDownloadRow | undefined> {
    return this.finish(row, 'importBlocked', {
      from: ['importing'],
      to: 'importBlocked',
      messages: [message],
      movieStatus: 'downloading',
      history: this.entry(row, 'importBlocked', { message }),
    });
  }

  /** The download failed: `failedPending` is stored first, so a restart finishes the failure. */
  async failing(row: TrackedDownloadRow, reason: string): Promise<TrackedDownloadRow | undefined> {
    const pending = await this.rows.transition(row.id, FAILABLE, 'failedPending', { messages: [reason] });
    return this.told('state', pending, row, 'failing');
  }

  /** The end of a failure: the release is blocklisted, and the movie is wanted again unless it has a file. */
  async failed(row: TrackedDownloadRow, reason: string): Promise<TrackedDownloadRow | undefined> {
    return this.finish(row, 'failed', {
      from: ['failedPending'],
      to: 'failed',
      movieStatus: 'keepIfFile',
      blocklistReason: reason,
      history: this.entry(row, 'downloadFailed', { reason }),
    });
  }

  /**
   * Stops tracking without judging the release (removed from the queue, or from qBittorrent), unless
   * `blocklistReason` says to blocklist it too.
   */
  async ignored(
    row: TrackedDownloadRow,
    reason: string,
    blocklistReason?: string,
  ): Promise<TrackedDownloadRow | undefined> {
    return this.finish(row, 'ignored', {
      from: IGNORABLE,
      to: 'ignored',
      messages: [reason],
      movieStatus: 'keepIfFile',
      blocklistReason,
      history: this.entry(row, 'downloadIgnored', { reason }),
    });
  }

  private async finish(
    row: TrackedDownloadRow,
    step: string,
    final: Omit<FinalStep, 'download'>,
  ): Promise<TrackedDownloadRow | undefined> {
    return this.told('state', await this.outcomes.record({ download: row, ...final }), row, step);
  }

  private entry(row: TrackedDownloadRow, event: NewHistory['event'], data: Record<string, unknown>): NewHistory {
    return {
      movieId: row.movieId,
      downloadId: row.downloadId,
      event,
      sourceTitle: row.releaseTitle,
      quality: row.quality,
      data,
    };
  }

  /** Publishes the step the caller won; says (at debug) which one it lost. */
  private told(
    type: QueueEventType,
    moved: TrackedDownloadRow | undefined,
    row: TrackedDownloadRow,
    step: string,
  ): TrackedDownloadRow | undefined {
    if (!moved) {
      this.logger.debug({
        msg: 'lost a race: another worker moved the download first',
        step,
        downloadId: row.downloadId,
      });
      return undefined;
    }
    this.events.publish(type, moved);
    return moved;
  }
}
