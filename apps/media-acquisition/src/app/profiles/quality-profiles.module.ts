import { Module } from '@nestjs/common';
import { QualityProfilesController } from './quality-profiles.controller';
import { QualityProfilesRepository } from './quality-profiles.repository';
import { QualityProfilesService } from './quality-profiles.service';

@Module({
  controllers: [QualityProfilesController],
  providers: [QualityProfilesService, QualityProfilesRepository],
  exports: [QualityProfilesService],
})
export class QualityProfilesModule {}
