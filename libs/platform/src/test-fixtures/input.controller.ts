import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IdempotencyKey } from '../validation/idempotency-key.decorator';
import { CursorPageQuery } from '../validation/cursor-page.query';
import { CountQuery, RecordDto } from './input-fixture.dto';

/** Routes that take input in every way a Keel service does, for the input-hardening spec. */
@Controller('input')
export class InputController {
  @Post('records')
  create(@Body() dto: RecordDto) {
    return dto;
  }

  /** A body-less action, as `POST /movies/{id}/search` is. */
  @Post('records/:id/archive')
  @HttpCode(200)
  archive(@Param('id') id: string) {
    return { archived: id };
  }

  @Delete('members/:userId')
  @HttpCode(200)
  removeMember(@Param('userId') userId: string) {
    return { removed: userId };
  }

  @Get('pages')
  pages(@Query() query: CursorPageQuery) {
    return query;
  }

  @Get('count')
  count(@Query() query: CountQuery) {
    return query;
  }

  @Get('number')
  number(@Query('n') n: number) {
    return { n };
  }

  @Post('idempotent')
  idempotent(@IdempotencyKey() key: string | undefined) {
    return { key: key ?? null };
  }
}
