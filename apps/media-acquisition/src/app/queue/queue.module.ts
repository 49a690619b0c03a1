import { Module } from '@nestjs/common';
import { GrabModule } from '../grab/grab.module';
import { MonitorModule } from '../monitor/monitor.module';
import { MoviesModule } from '../movies/movies.module';
import { TrackingModule } from '../tracking/tracking.module';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';

/** `/api/v1/queue`: the tracked downloads, their removal, and their events as SSE. */
@Module({
  imports: [TrackingModule, MoviesModule, MonitorModule, GrabModule],
  controllers: [QueueController],
  providers: [QueueService],
  exports: [QueueService],
})
export class QueueModule {}
