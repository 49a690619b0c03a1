import { Module } from '@nestjs/common';
import { BlocklistRepository } from './blocklist.repository';
import { HistoryRepository } from './history.repository';
import { TrackedDownloadsRepository } from './tracked-downloads.repository';

/** The service's record of grabs: tracked downloads, their history and the blocklist. */
@Module({
  providers: [TrackedDownloadsRepository, HistoryRepository, BlocklistRepository],
  exports: [TrackedDownloadsRepository, HistoryRepository, BlocklistRepository],
})
export class TrackingModule {}
