import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QbittorrentClient } from '@keel/clients-qbittorrent';
import type { QbittorrentItem } from '@keel/clients-qbittorrent';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';
import type { TrackedDownloadRow } from '../db/schema';
import { JobLeaseService } from '../leases/job-leases.service';
import type { JobLease, LeaseStatus } from '../leases/job-lease';
import { CompletedDownloadHandler } from '../import/completed-download.handler';
import { TrackedDownloads } from '../tracking/tracked-downloads.service';
import { FailedDownloadHandler } from './failed-download.handler';

/** `clientStatus` of a tracked download qBittorrent no longer lists. */
const MISSING = 'Missing';
/** The lease that makes one replica of the fleet the monitor. */
export const MONITOR_LEASE = 'download-monitor';

export interface MonitorStatus {
  lastPollAt?: string;
  /** Why the last poll could not read qBittorrent, if it could not. */
  lastError?: string;
  polls: number;
}

/**
 * Radarr's RefreshMonitoredDownloads: every MEDIA_MONITOR_INTERVAL, read the tracked downloads from
 * the database (so a restart resumes them all) and qBittorrent's torrents in our category, then
 * move each download along Downloading → ImportPending → Importing → Imported, or to Failed.
 * Polls never overlap; a qBittorrent outage only skips a poll.
 *
 * With several replicas, only the holder of the `download-monitor` lease polls (and so imports):
 * the others keep trying to take the lease and start polling the moment it lapses.
 */
@Injectable()
export class DownloadMonitorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DownloadMonitorService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly state: MonitorStatus = { polls: 0 };
  private readonly missingGraceMs: number;
  private readonly lease: JobLease;

  constructor(
    private readonly qbittorrent: QbittorrentClient,
    private readonly downloads: TrackedDownloads,
    private readonly completed: CompletedDownloadHandler,
    private readonly failed: FailedDownloadHandler,
    leases: JobLeaseService,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {
    this.missingGraceMs = Math.max(2_000, 5 * config.monitorIntervalMs);
    this.lease = leases.lease(MONITOR_LEASE, config.monitorLeaseTtlMs);
  }

  get status(): MonitorStatus {
    return { ...this.state };
  }

  /** Who holds the monitor's lease, by the database. */
  leaseStatus(): Promise<LeaseStatus> {
    return this.lease.status();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.poll(), this.config.monitorIntervalMs);
    this.timer.unref();
    // The first poll runs as soon as the lease is ours (at once, for a lone replica).
    this.lease.keep({ onAcquired: () => void this.poll() });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.lease.stop();
    await this.running;
    // Given up only once the last poll is done, so the next holder never overlaps with it.
    await this.lease
      .release()
      .catch((error: Error) => this.logger.warn({ msg: 'could not release the monitor lease', error: error.message }));
  }

  /** Runs one poll now, or joins the one in progress; does nothing on a replica without the lease. */
  poll(): Promise<void> {
    if (!this.lease.held) return this.running ?? Promise.resolve();
    this.running ??= this.pollOnce()
      .catch((error: Error) => this.logger.error({ msg: 'monitor poll failed', error: error.message }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pollOnce(): Promise<void> {
    const tracked = await this.downloads.active();
    if (tracked.length === 0) {
      this.state.lastPollAt = new Date().toISOString();
      this.state.polls++;
      return;
    }
    let items: QbittorrentItem[];
    try {
      items = await this.qbittorrent.list({ category: this.config.category });
    } catch (error) {
      this.state.lastError = (error as Error).message;
      this.logger.warn({ msg: 'qBittorrent unreadable; the monitor will try again', error: this.state.lastError });
      return;
    }
    this.state.lastError = undefined;
    this.state.lastPollAt = new Date().toISOString();
    this.state.polls++;
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const row of tracked) {
      // Lost the lease mid-poll (a stall longer than its TTL): the new holder carries on from here.
      if (!this.lease.held) break;
      try {
        await this.advance(row, byId.get(row.downloadId));
      } catch (error) {
        this.logger.error({
          msg: 'could not advance a download',
          downloadId: row.downloadId,
          error: (error as Error).message,
        });
      }
    }
  }

  private async advance(row: TrackedDownloadRow, item: QbittorrentItem | undefined): Promise<void> {
    if (row.state === 'importPending' || row.state === 'importing') return this.completed.import(row);
    if (row.state === 'failedPending') return this.failed.finish(row);
    if (!item) {
      // qBittorrent lists a magnet only once it has taken it in: a fresh grab is not missing yet.
      if (Date.now() - row.grabbedAt.getTime() < this.missingGraceMs) return;
      // Seen missing for a while (not one odd poll): someone removed it in qBittorrent.
      if (row.clientStatus === MISSING && Date.now() - row.updatedAt.getTime() > this.missingGraceMs) {
        const reason = 'The download was removed from qBittorrent';
        if (await this.downloads.ignored(row, reason))
          this.logger.log({ msg: 'download no longer tracked', downloadId: row.downloadId, reason });
        return;
      }
      await this.downloads.reported(row, {
        clientStatus: MISSING,
        messages: ['The download is no longer in qBittorrent'],
      });
      return;
    }
    const current = await this.downloads.reported(row, {
      clientStatus: item.status,
      progress: item.progress,
      etaSeconds: item.etaSeconds,
      outputPath: item.contentPath || null,
      // An import block's own message (e.g. "destination already exists") outlives qBittorrent's silence.
      ...(row.state === 'downloading' ? { messages: item.message ? [item.message] : [] } : {}),
    });
    // qBittorrent's `error` is a Warning to Radarr; here a torrent in error has failed: it never
    // recovers by itself, and the user asked for the movie, not for this release.
    if (item.status === 'Failed' || item.state === 'error')
      return this.failed.fail(current, item.message ?? `qBittorrent reports the torrent as ${item.state}`);
    if (
      item.status === 'Completed' &&
      current.state === 'downloading' &&
      item.contentPath &&
      item.contentPath !== item.savePath
    ) {
      const pending = await this.downloads.completed(current);
      if (pending) await this.completed.import(pending);
    }
  }
}
