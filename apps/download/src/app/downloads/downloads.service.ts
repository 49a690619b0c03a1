import { BadRequestException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LibraryClient } from '@keel/clients-library';
import { UUID_PATTERN, decodePageCursor, encodePageCursor } from '@keel/platform';
import type { DownloadRow } from '../db/schema';
import { DownloadUrlSigner } from '../signing/download-url.signer';
import { PROGRESS_FROM, STATUS_CHANGES } from './download-transitions';
import { badTransition, keyReused, notOwned, unknownDownload, unknownGame } from './downloads.errors';
import { DownloadsRepository } from './downloads.repository';
import type { PageCursor } from './downloads.repository';
import type { DownloadPageResponse, DownloadResponse } from './dto/download.response';
import type { UpdateDownloadDto } from './dto/update-download.dto';
import { GameSizes } from './game-sizes.service';

@Injectable()
export class DownloadsService {
  constructor(
    private readonly repository: DownloadsRepository,
    private readonly library: LibraryClient,
    private readonly sizes: GameSizes,
    private readonly signer: DownloadUrlSigner,
  ) {}

  /**
   * Starts a session once the library confirms ownership. With an Idempotency-Key, a repeat (or a
   * race of two) returns the first session and asks the library nothing more.
   */
  async start(userId: string, gameId: string, idempotencyKey?: string): Promise<DownloadResponse> {
    if (idempotencyKey) {
      const earlier = await this.repository.findByIdempotencyKey(userId, idempotencyKey);
      if (earlier) return this.replay(earlier, gameId);
    }
    // A cached size (the common case) skips Promise.all and sizeOf's promise: each promise of a
    // request costs its AsyncLocalStorage copy and a tick.
    const cachedSize = this.sizes.cached(gameId);
    const [ownership, bytesTotal] =
      cachedSize === undefined
        ? await Promise.all([this.library.checkOwnership(userId, gameId), this.sizes.sizeOf(userId, gameId)])
        : [await this.library.checkOwnership(userId, gameId), cachedSize];
    if (!ownership) throw unknownGame(gameId);
    if (!ownership.owned) throw notOwned(gameId);
    const now = new Date();
    const row = await this.repository.insert({
      id: randomUUID(),
      userId,
      gameId,
      status: 'queued',
      bytesTotal: bytesTotal ?? 0,
      bytesDone: 0,
      idempotencyKey: idempotencyKey ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (row) return this.toResponse(row);
    // Another request with the same key inserted first.
    const winner = await this.repository.findByIdempotencyKey(userId, idempotencyKey as string);
    return this.replay(winner as DownloadRow, gameId);
  }

  async get(id: string, userId: string): Promise<DownloadResponse> {
    const row = await this.repository.findOwned(id, userId);
    if (!row) throw unknownDownload(id);
    return this.toResponse(row);
  }

  async list(userId: string, limit = 20, cursor?: string): Promise<DownloadPageResponse> {
    const rows = await this.repository.listOwned(userId, limit + 1, cursor ? decodeCursor(cursor) : undefined);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => this.toResponse(row)),
      nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  async update(id: string, userId: string, change: UpdateDownloadDto): Promise<DownloadResponse> {
    if ((change.bytesDone === undefined) === (change.status === undefined)) {
      throw new BadRequestException(['send exactly one of bytesDone or status']);
    }
    const current = await this.repository.findOwned(id, userId);
    if (!current) throw unknownDownload(id);
    const updated =
      change.status !== undefined
        ? await this.changeStatus(current, change.status)
        : await this.progress(current, change.bytesDone as number);
    return this.toResponse(updated);
  }

  private async changeStatus(current: DownloadRow, status: keyof typeof STATUS_CHANGES): Promise<DownloadRow> {
    const from = STATUS_CHANGES[status];
    if (!from.includes(current.status)) throw badTransition(current.status, status);
    const row = await this.repository.transition(current.id, current.userId, from, { status });
    if (!row) throw badTransition('changed', status);
    return row;
  }

  private async progress(current: DownloadRow, bytesDone: number): Promise<DownloadRow> {
    if (!PROGRESS_FROM.includes(current.status)) throw badTransition(current.status, 'downloading');
    if (bytesDone < current.bytesDone)
      throw badTransition(`${current.bytesDone}-bytes`, `${bytesDone}-bytes (progress never goes back)`);
    if (current.bytesTotal > 0 && bytesDone > current.bytesTotal)
      throw new BadRequestException([`bytesDone must not exceed bytesTotal (${current.bytesTotal})`]);
    const status = current.bytesTotal > 0 && bytesDone === current.bytesTotal ? 'completed' : 'downloading';
    const row = await this.repository.transition(current.id, current.userId, PROGRESS_FROM, { bytesDone, status });
    if (!row) throw badTransition('changed', status);
    return row;
  }

  private replay(earlier: DownloadRow, gameId: string): DownloadResponse {
    if (earlier.gameId !== gameId) throw keyReused();
    return this.toResponse(earlier);
  }

  private toResponse(row: DownloadRow): DownloadResponse {
    return {
      id: row.id,
      userId: row.userId,
      gameId: row.gameId,
      status: row.status,
      bytesTotal: row.bytesTotal,
      bytesDone: row.bytesDone,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      downloadUrl: this.signer.sign({ downloadId: row.id, gameId: row.gameId, userId: row.userId }),
    };
  }
}

function encodeCursor(cursor: PageCursor): string {
  return encodePageCursor({ at: cursor.createdAt, id: cursor.id });
}

/** 400 naming the cursor for one this service did not issue: every part is checked before the query. */
function decodeCursor(text: string): PageCursor {
  const { at, id } = decodePageCursor(text, UUID_PATTERN);
  return { createdAt: at, id };
}
