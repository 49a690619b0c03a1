import { Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { ShutdownCoordinator } from '@keel/platform';
import { Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { TrackedDownloadRow } from '../db/schema';

export type QueueEventType = 'grabbed' | 'progress' | 'state';

export interface QueueEvent {
  type: QueueEventType;
  downloadId: string;
  movieId: string;
  releaseTitle: string;
  state: string;
  clientStatus?: string;
  progress: number;
  etaSeconds?: number;
  messages: string[];
  at: string;
}

/** The in-process bus behind `GET /api/v1/queue/events`: grabs, progress and state changes. */
@Injectable()
export class QueueEventsService implements OnModuleDestroy {
  private readonly subject = new Subject<QueueEvent>();

  constructor(shutdown: ShutdownCoordinator) {
    // Open streams would hold the HTTP drain open until every browser hangs up (and the pod would be
    // killed): end them as the drain starts. EventSource clients reconnect to another replica.
    shutdown.beforeDrain(() => this.subject.complete());
  }

  get events(): Observable<QueueEvent> {
    return this.subject.asObservable();
  }

  publish(type: QueueEventType, row: TrackedDownloadRow): void {
    this.subject.next({
      type,
      downloadId: row.downloadId,
      movieId: row.movieId,
      releaseTitle: row.releaseTitle,
      state: row.state,
      clientStatus: row.clientStatus ?? undefined,
      progress: row.progress,
      etaSeconds: row.etaSeconds ?? undefined,
      messages: row.messages,
      at: new Date().toISOString(),
    });
  }

  onModuleDestroy(): void {
    // For an app closed without the coordinator (tests).
    this.subject.complete();
  }
}
