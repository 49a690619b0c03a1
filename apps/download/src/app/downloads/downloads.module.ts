import { Module } from '@nestjs/common';
import { LibraryClientModule } from '@keel/clients-library';
import { DownloadUrlSigner } from '../signing/download-url.signer';
import { DownloadsController } from './downloads.controller';
import { DownloadsRepository } from './downloads.repository';
import { DownloadsService } from './downloads.service';
import { GameSizes } from './game-sizes.service';

@Module({
  imports: [LibraryClientModule],
  controllers: [DownloadsController],
  providers: [DownloadsService, DownloadsRepository, GameSizes, DownloadUrlSigner],
})
export class DownloadsModule {}
