import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DownstreamContractError, DownstreamRejectedError } from '@keel/clients-core';
import type { z } from 'zod';
import type { HttpAnswer } from '@keel/clients-core';
import { addTorrentForm } from './add-torrent.form';
import { QbittorrentAddError } from './errors/qbittorrent-add.error';
import { QbittorrentInvalidTorrentError } from './errors/qbittorrent-invalid-torrent.error';
import { infoHashFromMagnet, infoHashFromTorrent, isMagnet } from './info-hash';
import { QBITTORRENT, QBITTORRENT_OPTIONS } from './qbittorrent.constants';
import type { QbittorrentOptions } from './qbittorrent.options';
import { QbittorrentSession } from './qbittorrent.session';
import { toQbittorrentItem } from './qbittorrent-state.mapper';
import { qbittorrentAddAnswerSchema, qbittorrentTorrentInfosSchema } from './qbittorrent.schemas';
import type {
  AddTorrentRequest,
  AddTorrentResult,
  QbittorrentItem,
  QbittorrentListQuery,
  QbittorrentVersions,
} from './qbittorrent.types';

/** How often, and how far apart, a `Fails.` answer is checked against the list before it counts as a failure. */
const DUPLICATE_LOOKS = 3;
const DUPLICATE_LOOK_DELAY_MS = 200;

/** qBittorrent wants lower-case hashes joined with `|`. */
const wireHashes = (ids: string[]) => ids.map((id) => id.toLowerCase()).join('|');

/** Typed client of qBittorrent's WebUI API v2 (4.5 to 5.2), with Radarr's semantics. */
@Injectable()
export class QbittorrentClient {
  constructor(
    private readonly session: QbittorrentSession,
    @Inject(QBITTORRENT_OPTIONS) private readonly options: QbittorrentOptions,
  ) {}

  async versions(signal?: AbortSignal): Promise<QbittorrentVersions> {
    const answer = this.ok(await this.session.send({ operation: 'appVersion', path: '/api/v2/app/version', signal }));
    const { webApi } = await this.session.dialect();
    return { app: answer.text.trim(), webApi };
  }

  /**
   * Adds one torrent: a magnet in `urls`, or `.torrent` bytes. The id is computed first, so that a
   * "nothing added" answer can be told apart: already there (duplicate) or a real failure.
   * Plain http(s) URLs are refused: their hash is unknown until fetched, so fetch them yourself.
   */
  async addTorrent(request: AddTorrentRequest, signal?: AbortSignal): Promise<AddTorrentResult> {
    const id = this.idOf(request);
    const dialect = await this.session.dialect();
    const answer = await this.session.send({
      operation: 'addTorrent',
      method: 'POST',
      path: '/api/v2/torrents/add',
      body: addTorrentForm(request, dialect, id),
      signal,
    });
    if (answer.status === 415) throw new QbittorrentInvalidTorrentError(answer.text.trim() || 'not a valid torrent');
    // 5.2 answers 409 when nothing was added; older versions 200 "Fails.".
    if (answer.status !== 409 && answer.status >= 300) throw new QbittorrentAddError(id, answer.status, answer.text);
    if (answer.status !== 409 && checked(qbittorrentAddAnswerSchema, answer.text).added)
      return { id, duplicate: false };
    // qBittorrent adds asynchronously: a torrent added a moment ago may not be listed yet.
    for (let look = 0; look < DUPLICATE_LOOKS; look++) {
      if (look > 0) await new Promise((resolve) => setTimeout(resolve, DUPLICATE_LOOK_DELAY_MS));
      if ((await this.list({ hashes: [id] }, signal)).length > 0) return { id, duplicate: true };
    }
    throw new QbittorrentAddError(id, answer.status, answer.text);
  }

  async list(query: QbittorrentListQuery = {}, signal?: AbortSignal): Promise<QbittorrentItem[]> {
    const params = { category: query.category, hashes: query.hashes?.length ? wireHashes(query.hashes) : undefined };
    const answer = this.ok(
      await this.session.send({ operation: 'listTorrents', path: '/api/v2/torrents/info', query: params, signal }),
    );
    return checked(qbittorrentTorrentInfosSchema, json(answer.text)).map((raw) =>
      toQbittorrentItem(raw, { dhtEnabled: this.options.dhtEnabled }),
    );
  }

  /** Removes torrents; an unknown id is a no-op, as in qBittorrent. */
  async remove(ids: string[], deleteFiles: boolean, signal?: AbortSignal): Promise<void> {
    // `deleteFiles` is required: qBittorrent answers 400 without it.
    await this.post(
      'remove',
      'torrents/delete',
      { hashes: wireHashes(ids), deleteFiles: String(deleteFiles) },
      ids,
      signal,
    );
  }

  /** Creates the category if missing. Its `savePath` only applies to torrents added with autoTMM. */
  async ensureCategory(name: string, savePath?: string, signal?: AbortSignal): Promise<{ created: boolean }> {
    const body = new URLSearchParams({ category: name, ...(savePath === undefined ? {} : { savePath }) });
    const answer = await this.session.send({
      operation: 'ensureCategory',
      method: 'POST',
      path: '/api/v2/torrents/createCategory',
      body,
      signal,
    });
    // 409 "Unable to create category": it exists already, which is what we want.
    if (answer.status === 409) return { created: false };
    this.ok(answer);
    return { created: true };
  }

  private idOf(request: AddTorrentRequest): string {
    const urls = request.urls ?? [];
    if (request.torrent) {
      if (urls.length > 0) throw new QbittorrentInvalidTorrentError('send either urls or torrent bytes, not both', 400);
      return infoHashFromTorrent(request.torrent);
    }
    if (urls.length !== 1 || !isMagnet(urls[0]))
      throw new QbittorrentInvalidTorrentError('send exactly one magnet link, or the .torrent bytes', 400);
    return infoHashFromMagnet(urls[0]);
  }

  private async post(
    operation: string,
    endpoint: string,
    fields: Record<string, string>,
    ids: string[],
    signal?: AbortSignal,
  ): Promise<void> {
    if (ids.length === 0) return;
    // Setting a state again changes nothing, so a 5xx may be retried.
    const answer = await this.session.send({
      operation,
      method: 'POST',
      path: `/api/v2/${endpoint}`,
      body: new URLSearchParams(fields),
      idempotencyKey: randomUUID(),
      signal,
    });
    this.ok(answer);
  }

  private ok(answer: HttpAnswer): HttpAnswer {
    if (answer.status >= 300)
      throw new DownstreamRejectedError(QBITTORRENT, answer.status, { detail: answer.text.trim().slice(0, 200) });
    return answer;
  }
}

/** Interim: until the clients-core answers map lands, a schema checked by hand. */
function checked<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new DownstreamContractError(
    QBITTORRENT,
    result.error.issues.map((issue) => `${['body', ...issue.path].join('.')}: ${issue.message}`),
  );
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DownstreamContractError(QBITTORRENT, ['the body is not valid JSON'], { cause: error });
  }
}
