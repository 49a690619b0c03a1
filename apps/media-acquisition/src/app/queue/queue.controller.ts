import { Controller, Delete, Get, HttpCode, Param, Query, Sse } from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { map } from 'rxjs';
import type { Observable } from 'rxjs';
import { ApiProblemResponses, Roles } from '@keel/platform';
import { MEDIA_WRITE } from '../auth/media-write.roles';
import { DownloadIdParam } from './dto/download-id.param';
import { QueueResponse } from './dto/queue.response';
import { RemoveQueueItemQuery } from './dto/remove-queue-item.query';
import { QueueEventsService } from '../tracking/queue-events.service';
import { QueueService } from './queue.service';

@ApiTags('queue')
@ApiBearerAuth()
@ApiProblemResponses({ status: 401, description: 'Missing, invalid or expired token' })
@Controller({ path: 'queue', version: '1' })
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly events: QueueEventsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Downloads in progress or waiting for import, with progress and ETA' })
  @ApiOkResponse({ type: QueueResponse })
  async list(): Promise<QueueResponse> {
    return { items: await this.queue.list() };
  }

  @Delete(':downloadId')
  @HttpCode(204)
  @Roles(MEDIA_WRITE)
  @ApiOperation({
    summary: 'Stops tracking a download (Radarr’s “remove from queue”); the movie is wanted again unless it has a file',
  })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid input' },
    { status: 404, description: 'No such download in the queue' },
    { status: 503, description: 'qBittorrent is unavailable (removeFromClient)' },
  )
  async remove(@Param() { downloadId }: DownloadIdParam, @Query() query: RemoveQueueItemQuery): Promise<void> {
    await this.queue.remove(downloadId.toUpperCase(), {
      removeFromClient: query.removeFromClient ?? false,
      blocklist: query.blocklist ?? false,
    });
  }

  @Sse('events')
  @ApiOperation({ summary: 'Server-Sent Events: `grabbed`, `progress` and `state` events for every tracked download' })
  @ApiProduces('text/event-stream')
  stream(): Observable<MessageEvent> {
    return this.events.events.pipe(
      map((event) => ({ type: event.type, id: `${event.downloadId}:${event.at}`, data: event })),
    );
  }
}
