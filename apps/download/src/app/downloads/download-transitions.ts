import type { DownloadStatus } from '../db/schema';

/**
 * A session's life: queued → downloading → completed, with pause/resume and cancel on the way.
 * completed and cancelled are final.
 */
export const STATUS_CHANGES: Record<'paused' | 'downloading' | 'cancelled', readonly DownloadStatus[]> = {
  paused: ['queued', 'downloading'],
  downloading: ['paused'],
  cancelled: ['queued', 'downloading', 'paused'],
};

/** Progress may be reported only while the session is running. */
export const PROGRESS_FROM: readonly DownloadStatus[] = ['queued', 'downloading'];
