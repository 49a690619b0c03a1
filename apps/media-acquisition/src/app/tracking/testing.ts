import type { ShutdownCoordinator } from '@keel/platform';
import { ACTIVE_STATES } from '../db/schema';
import type { BlocklistRow, MovieFileRow, MovieStatus, TrackedDownloadRow, TrackedState } from '../db/schema';
import type { BlocklistRepository } from './blocklist.repository';
import type { NewHistory } from './history.repository';
import type { FinalStep, OutcomeRepository } from './outcome.repository';
import { QueueEventsService } from './queue-events.service';
import type { QueueEvent } from './queue-events.service';
import type { TrackedDownloadPatch, TrackedDownloadsRepository } from './tracked-downloads.repository';
import { TrackedDownloads } from './tracked-downloads.service';

type BlocklistEntry = Pick<BlocklistRow, 'movieId' | 'releaseGuid' | 'releaseTitle' | 'indexerId' | 'reason'>;

let nextId = 1;

/** A tracked download as a grab stores it; override only what a test is about. */
export function aTrackedDownload(overrides: Partial<TrackedDownloadRow> = {}): TrackedDownloadRow {
  const n = nextId++;
  const at = new Date(0);
  return {
    id: `t${n}`,
    movieId: 'm1',
    downloadId: `HASH${n}`,
    releaseGuid: `guid-${n}`,
    releaseTitle: 'Dune.2021.1080p.BluRay.x264-SPARKS',
    indexerId: 1,
    indexer: 'TestTracker',
    quality: 'Bluray-1080p',
    revisionVersion: 1,
    revisionReal: 0,
    sizeBytes: 8_000_000_000,
    state: 'downloading',
    clientStatus: null,
    progress: 0,
    etaSeconds: null,
    outputPath: null,
    messages: [],
    grabbedAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/**
 * The tracking tables in memory, with the database's rules that matter to the lifecycle: the
 * compare-and-set of a state step, the one-active-download-per-movie (and per-torrent) index, and
 * one blocklist entry per release. `tracked` is a real TrackedDownloads over them, and `events` what
 * it published.
 */
export class InMemoryTracking {
  readonly downloads: TrackedDownloadRow[] = [];
  readonly history: NewHistory[] = [];
  readonly blocklist: BlocklistEntry[] = [];
  readonly movieStatus = new Map<string, MovieStatus>();
  readonly files = new Map<string, Omit<MovieFileRow, 'id' | 'importedAt'>>();
  readonly events: QueueEvent[] = [];
  readonly bus = new QueueEventsService({ beforeDrain: () => () => undefined } as unknown as ShutdownCoordinator);
  readonly rows = this.repository() as unknown as TrackedDownloadsRepository;
  readonly outcomes = this.outcomeRepository() as unknown as OutcomeRepository;
  readonly blocklists = {
    add: async (entry: BlocklistEntry) => this.addBlocklist(entry),
    forMovie: async (movieId: string) => this.blocklist.filter((b) => b.movieId === movieId),
  } as unknown as BlocklistRepository;
  readonly tracked = new TrackedDownloads(this.rows, this.outcomes, this.bus);

  constructor() {
    this.bus.events.subscribe((event) => this.events.push(event));
  }

  /** Stores `rows` as they are, as if earlier grabs had tracked them. */
  seed(...rows: TrackedDownloadRow[]): TrackedDownloadRow[] {
    this.downloads.push(...rows.map((row) => ({ ...row })));
    return rows;
  }

  row(id: string): TrackedDownloadRow | undefined {
    return this.downloads.find((row) => row.id === id);
  }

  private repository(): Partial<Record<keyof TrackedDownloadsRepository, unknown>> {
    const active = (row: TrackedDownloadRow) => ACTIVE_STATES.includes(row.state);
    const latest = (rows: TrackedDownloadRow[]) =>
      [...rows].sort((a, b) => b.grabbedAt.getTime() - a.grabbedAt.getTime())[0];
    return {
      active: async () => this.downloads.filter(active),
      activeForMovie: async (movieId: string) => this.downloads.find((row) => row.movieId === movieId && active(row)),
      findByDownloadId: async (downloadId: string) =>
        latest(this.downloads.filter((row) => row.downloadId === downloadId)),
      latestForMovie: async (movieId: string) => latest(this.downloads.filter((row) => row.movieId === movieId)),
      countByState: async () =>
        this.downloads.reduce<Record<string, number>>((counts, row) => {
          counts[row.state] = (counts[row.state] ?? 0) + 1;
          return counts;
        }, {}),
      update: async (id: string, patch: TrackedDownloadPatch) => this.patch(id, () => true, patch),
      transition: async (
        id: string,
        from: readonly TrackedState[],
        to: TrackedState,
        patch: TrackedDownloadPatch = {},
      ) => this.patch(id, (row) => from.includes(row.state), { ...patch, state: to }),
      claimImport: async (id: string, staleAfterMs: number) =>
        this.patch(
          id,
          (row) =>
            row.state === 'importPending' ||
            (row.state === 'importing' && Date.now() - row.updatedAt.getTime() > staleAfterMs),
          { state: 'importing' },
        ),
    };
  }

  private outcomeRepository(): Record<keyof OutcomeRepository, unknown> {
    return {
      grabbed: async (row: TrackedDownloadRow, entry: NewHistory) => {
        const clash = this.downloads.some(
          (other) =>
            ACTIVE_STATES.includes(other.state) &&
            (other.movieId === row.movieId || other.downloadId === row.downloadId),
        );
        if (clash || this.row(row.id)) return undefined;
        this.downloads.push({ ...row });
        this.history.push(entry);
        this.movieStatus.set(row.movieId, 'downloading');
        return { ...row };
      },
      record: async (step: FinalStep) => {
        const moved = this.patch(step.download.id, (row) => step.from.includes(row.state), {
          state: step.to,
          ...(step.messages ? { messages: step.messages } : {}),
        });
        if (!moved) return undefined;
        const { movieId, releaseGuid, releaseTitle, indexerId } = step.download;
        if (step.blocklistReason !== undefined)
          this.addBlocklist({ movieId, releaseGuid, releaseTitle, indexerId, reason: step.blocklistReason });
        if (step.file) this.files.set(movieId, step.file);
        const status =
          step.movieStatus === 'keepIfFile' ? (this.files.has(movieId) ? 'downloaded' : 'wanted') : step.movieStatus;
        this.movieStatus.set(movieId, status);
        this.history.push(step.history);
        return moved;
      },
    };
  }

  private addBlocklist(entry: BlocklistEntry): void {
    if (!this.blocklist.some((b) => b.movieId === entry.movieId && b.releaseGuid === entry.releaseGuid))
      this.blocklist.push(entry);
  }

  private patch(
    id: string,
    when: (row: TrackedDownloadRow) => boolean,
    patch: TrackedDownloadPatch,
  ): TrackedDownloadRow | undefined {
    const row = this.row(id);
    if (!row || !when(row)) return undefined;
    Object.assign(row, patch, { updatedAt: new Date() });
    return { ...row };
  }
}
