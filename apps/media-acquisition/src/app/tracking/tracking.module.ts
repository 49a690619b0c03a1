import { Module } from '@nestjs/common';
import { BlocklistRepository } from './blocklist.repository';
import { HistoryRepository } from './history.repository';
import { OutcomeRepository } from './outcome.repository';
import { QueueEventsService } from './queue-events.service';
import { TrackedDownloadsRepository } from './tracked-downloads.repository';
import { TrackedDownloads } from './tracked-downloads.service';

/**
 * The service's record of grabs: tracked downloads and their lifecycle (`TrackedDownloads`), their
 * history, the blocklist, and the queue's event bus.
 */
@Module({
  providers: [
    TrackedDownloadsRepository,
    HistoryRepository,
    BlocklistRepository,
    OutcomeRepository,
    QueueEventsService,
    TrackedDownloads,
  ],
  exports: [TrackedDownloads, QueueEventsService, TrackedDownloadsRepository, HistoryRepository, BlocklistRepository],
})
export class TrackingModule {}
