import { Logger } from '@nestjs/common';
import type { QbittorrentClient, QbittorrentItem } from '@keel/clients-qbittorrent';
import type { TrackedDownloadRow } from '../db/schema';
import type { CompletedDownloadHandler } from '../import/completed-download.handler';
import type { JobLeaseService } from '../leases/job-leases.service';
import { aMediaConfig } from '../testing';
import { aTrackedDownload, InMemoryTracking } from '../tracking/testing';
import { DownloadMonitorService, MONITOR_LEASE } from './download-monitor.service';
import type { FailedDownloadHandler } from './failed-download.handler';

function anItem(overrides: Partial<QbittorrentItem> = {}): QbittorrentItem {
  return {
    id: 'HASH',
    hash: 'hash',
    name: 'Dune.2021.1080p.BluRay',
    status: 'Downloading',
    state: 'downloading',
    progress: 0.5,
    etaSeconds: 60,
    size: 8,
    contentPath: '/downloads/Dune.2021.1080p.BluRay',
    savePath: '/downloads',
    category: 'keel-movies',
    tags: ['keel'],
    ...overrides,
  };
}

function setup(items: QbittorrentItem[] | Error = []) {
  const tables = new InMemoryTracking();
  const qbittorrent = {
    list: jest.fn(async () => {
      if (items instanceof Error) throw items;
      return items;
    }),
  };
  const completed = { import: jest.fn(async () => undefined) };
  const failed = { fail: jest.fn(async () => undefined), finish: jest.fn(async () => undefined) };
  const lease = { held: true, keep: jest.fn(), stop: jest.fn(), release: jest.fn(async () => true), status: jest.fn() };
  const leases = { lease: jest.fn(() => lease) };
  const monitor = new DownloadMonitorService(
    qbittorrent as unknown as QbittorrentClient,
    tables.tracked,
    completed as unknown as CompletedDownloadHandler,
    failed as unknown as FailedDownloadHandler,
    leases as unknown as JobLeaseService,
    aMediaConfig({ monitorIntervalMs: 1_000, monitorLeaseTtlMs: 1_500 }),
  );
  return { monitor, tables, qbittorrent, completed, failed, lease, leases };
}

/** Grabbed long enough ago that qBittorrent should list it by now. */
const grabbed = (overrides: Partial<TrackedDownloadRow> = {}) =>
  aTrackedDownload({ downloadId: 'HASH', grabbedAt: new Date(0), updatedAt: new Date(0), ...overrides });

describe(DownloadMonitorService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('takes the monitor lease by name for its TTL', () => {
    // Arrange, Act
    const { leases } = setup();

    // Assert
    expect(leases.lease).toHaveBeenCalledWith(MONITOR_LEASE, 1_500);
  });

  it('writes qBittorrent’s progress on each tracked download and counts the poll', async () => {
    // Arrange
    const { monitor, tables } = setup([anItem({ progress: 0.5, etaSeconds: 60, message: 'stalled a while' })]);
    const [row] = tables.seed(grabbed());

    // Act
    await monitor.poll();

    // Assert
    expect(tables.row(row.id)).toMatchObject({
      clientStatus: 'Downloading',
      progress: 0.5,
      etaSeconds: 60,
      messages: ['stalled a while'],
    });
    expect(tables.events.map((e) => e.type)).toEqual(['progress']);
    expect(monitor.status).toMatchObject({ polls: 1, lastError: undefined });
  });

  it('hands a completed download to import once it waits for import', async () => {
    // Arrange
    const { monitor, tables, completed } = setup([anItem({ status: 'Completed', progress: 1, etaSeconds: 0 })]);
    const [row] = tables.seed(grabbed());

    // Act
    await monitor.poll();

    // Assert
    expect(tables.row(row.id)?.state).toBe('importPending');
    expect(completed.import).toHaveBeenCalledWith(expect.objectContaining({ id: row.id, state: 'importPending' }));
  });

  it('does not import a completed torrent whose content path is still its save path (metadata only)', async () => {
    // Arrange
    const { monitor, tables, completed } = setup([anItem({ status: 'Completed', contentPath: '/downloads' })]);
    const [row] = tables.seed(grabbed());

    // Act
    await monitor.poll();

    // Assert
    expect(tables.row(row.id)?.state).toBe('downloading');
    expect(completed.import).not.toHaveBeenCalled();
  });

  it('fails a torrent qBittorrent reports failed or in error, with its message', async () => {
    // Arrange
    const { monitor, tables, failed } = setup([anItem({ status: 'Warning', state: 'error', message: 'I/O error' })]);
    tables.seed(grabbed());

    // Act
    await monitor.poll();

    // Assert
    expect(failed.fail).toHaveBeenCalledWith(expect.objectContaining({ downloadId: 'HASH' }), 'I/O error');
  });

  it('resumes imports and failures a restart left half-done', async () => {
    // Arrange
    const { monitor, tables, completed, failed } = setup([]);
    const [importing, failing] = tables.seed(
      grabbed({ state: 'importPending', movieId: 'm1', downloadId: 'A' }),
      grabbed({ state: 'failedPending', movieId: 'm2', downloadId: 'B' }),
    );

    // Act
    await monitor.poll();

    // Assert
    expect(completed.import).toHaveBeenCalledWith(expect.objectContaining({ id: importing.id }));
    expect(failed.finish).toHaveBeenCalledWith(expect.objectContaining({ id: failing.id }));
  });

  it('marks a download qBittorrent no longer lists as missing, then stops tracking it if it stays so', async () => {
    // Arrange
    const { monitor, tables } = setup([]);
    const [fresh, seenMissing] = tables.seed(
      grabbed({ movieId: 'm1', downloadId: 'A' }),
      grabbed({ movieId: 'm2', downloadId: 'B', clientStatus: 'Missing' }),
    );

    // Act
    await monitor.poll();

    // Assert
    expect(tables.row(fresh.id)).toMatchObject({
      state: 'downloading',
      clientStatus: 'Missing',
      messages: ['The download is no longer in qBittorrent'],
    });
    expect(tables.row(seenMissing.id)).toMatchObject({
      state: 'ignored',
      messages: ['The download was removed from qBittorrent'],
    });
  });

  it('leaves a fresh grab qBittorrent does not list yet alone', async () => {
    // Arrange
    const { monitor, tables } = setup([]);
    const [row] = tables.seed(grabbed({ grabbedAt: new Date() }));

    // Act
    await monitor.poll();

    // Assert
    expect(tables.row(row.id)?.clientStatus).toBeNull();
    expect(tables.events).toEqual([]);
  });

  it('skips a poll qBittorrent cannot answer, and says why in its status', async () => {
    // Arrange
    const { monitor, tables } = setup(new Error('qBittorrent is down'));
    tables.seed(grabbed());

    // Act
    await monitor.poll();

    // Assert
    expect(monitor.status).toEqual({ polls: 0, lastError: 'qBittorrent is down' });
  });

  it('polls nothing on a replica without the lease', async () => {
    // Arrange
    const { monitor, tables, qbittorrent, lease } = setup([anItem()]);
    tables.seed(grabbed());
    lease.held = false;

    // Act
    await monitor.poll();

    // Assert
    expect(qbittorrent.list).not.toHaveBeenCalled();
    expect(monitor.status.polls).toBe(0);
  });

  it('gives the lease up on shutdown, after the last poll', async () => {
    // Arrange
    const { monitor, lease } = setup([]);
    monitor.onApplicationBootstrap();

    // Act
    await monitor.onApplicationShutdown();

    // Assert
    expect(lease.keep).toHaveBeenCalledTimes(1);
    expect(lease.stop).toHaveBeenCalledTimes(1);
    expect(lease.release).toHaveBeenCalledTimes(1);
  });
});
