import { Body, Controller, Get, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthenticatedUser } from '@keel/context';
import { RequestContext } from '@keel/context';
import {
  DownstreamCircuitOpenError,
  DownstreamRejectedError,
  DownstreamTimeoutError,
  DownstreamUnavailableError,
} from '@keel/clients-core';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ContextProbeGuard } from './context-probe.guard';
import { ContextProbeService } from './context-probe.service';
import { CreateItemDto } from './create-item.dto';

const DOWNSTREAM_ERRORS: Record<string, () => Error> = {
  'circuit-open': () => new DownstreamCircuitOpenError('library', () => 12_300),
  timeout: () => new DownstreamTimeoutError('library', 2_000),
  unavailable: () => new DownstreamUnavailableError('library', 'library answered 503', 503),
  rejected: () => new DownstreamRejectedError('library', 404, { title: 'Not Found' }),
};

@Controller('fixture')
export class FixtureController {
  constructor(private readonly probe: ContextProbeService) {}

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Public()
  @Get('public')
  open(@CurrentUser() user?: AuthenticatedUser) {
    return { ok: true, user: user ?? null };
  }

  @Roles('admin')
  @Get('admin')
  admin(@CurrentUser() user: AuthenticatedUser) {
    return { admin: user.id };
  }

  @Post('items')
  create(@Body() dto: CreateItemDto) {
    return { ...dto, isDto: dto instanceof CreateItemDto };
  }

  @Get('items/:id')
  item(@Param('id') id: string) {
    return { id };
  }

  @Get('downstream/:kind')
  downstream(@Param('kind') kind: string): never {
    throw DOWNSTREAM_ERRORS[kind]();
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to db-primary.internal:5432 refused (password auth failed for user keel)');
  }

  @UseGuards(ContextProbeGuard)
  @Get('context')
  async context(@Req() request: { seenInGuard?: string }) {
    return {
      inGuard: request.seenInGuard,
      inController: RequestContext.current()?.requestId,
      ...(await this.probe.read()),
    };
  }

  @UseGuards(ContextProbeGuard)
  @Post('context')
  async contextWithBody(@Req() request: { seenInGuard?: string }, @Body() dto: CreateItemDto) {
    return {
      inGuard: request.seenInGuard,
      inController: RequestContext.current()?.requestId,
      name: dto.name,
      ...(await this.probe.read()),
    };
  }

  @Public()
  @Get('slow')
  async slow(@Query('ms') ms = '300') {
    await sleep(Number(ms));
    return { slept: Number(ms), finishedAt: Date.now() };
  }
}
