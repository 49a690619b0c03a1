import { Module } from '@nestjs/common';
import { BlocklistRepository } from './blocklist.repository';
import { HistoryRepository } from './history.repository';
import { OutcomeRepository } from './outcome.repository';
import { TrackedDownloadsRepository } from './tracked-downloads.repository';

/** The service's record of grabs: tracked downloads, their history and the blocklist. */
@Module({
  providers: [TrackedDownloadsRepository, HistoryRepository, BlocklistRepository, OutcomeRepository],
  exports: [TrackedDownloadsRepository, HistoryRepository, BlocklistRepository, OutcomeRepository],
})
export class TrackingModule {}
