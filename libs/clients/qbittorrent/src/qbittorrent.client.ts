import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DownstreamRejectedError, textAnswer } from '@keel/clients-core';
import { addTorrentForm } from './add-torrent.form';
import { QbittorrentAddError } from './errors/qbittorrent-add.error';
import { QbittorrentInvalidTorrentError } from './errors/qbittorrent-invalid-torrent.error';
import { infoHashFromMagnet, infoHashFromTorrent, isMagnet } from './info-hash';
import { QBITTORRENT_OPTIONS } from './qbittorrent.constants';
import type { QbittorrentOptions } from './qbittorrent.options';
import { qbittorrentAddAnswerSchema, qbittorrentTorrentInfosSchema } from './qbittorrent.schemas';
import { QbittorrentSession } from './qbittorrent.session';
import { toQbittorrentItem } from './qbittorrent-state.mapper';
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

  async versions(): Promise<QbittorrentVersions> {
    const answer = await this.session.call({
      operation: 'appVersion',
      path: '/api/v2/app/version',
      answers: { 200: textAnswer() },
    });
    const { webApi } = await this.session.dialect();
    return { app: answer.body.trim(), webApi };
  }

  /**
   * Adds one torrent: a magnet in `urls`, or `.torrent` bytes. The id is computed first, so that a
   * "nothing added" answer can be told apart: already there (duplicate) or a real failure.
   * Plain http(s) URLs are refused: their hash is unknown until fetched, so fetch them yourself.
   */
  async addTorrent(request: AddTorrentRequest): Promise<AddTorrentResult> {
    const id = this.idOf(request);
    const dialect = await this.session.dialect();
    const answer = await this.session
      .call({
        operation: 'addTorrent',
        method: 'POST',
        path: '/api/v2/torrents/add',
        body: addTorrentForm(request, dialect, id),
        // ≤ 5.1: 200 `Ok.`/`Fails.`; 5.2: 200/202 with a JSON count, 409 when nothing was added.
        answers: {
          200: textAnswer(qbittorrentAddAnswerSchema),
          202: textAnswer(qbittorrentAddAnswerSchema),
          409: textAnswer(),
          415: textAnswer(),
        },
      })
      .catch((error: unknown) => {
        // Any other refusal is this torrent's failure, whatever qBittorrent's status for it.
        if (error instanceof DownstreamRejectedError) throw new QbittorrentAddError(id, error.status, '');
        throw error;
      });
    if (answer.status === 415) throw new QbittorrentInvalidTorrentError(answer.body.trim() || 'not a valid torrent');
    if ((answer.status === 200 || answer.status === 202) && answer.body.added) return { id, duplicate: false };
    // qBittorrent adds asynchronously: a torrent added a moment ago may not be listed yet.
    for (let look = 0; look < DUPLICATE_LOOKS; look++) {
      if (look > 0) await new Promise((resolve) => setTimeout(resolve, DUPLICATE_LOOK_DELAY_MS));
      if ((await this.list({ hashes: [id] })).length > 0) return { id, duplicate: true };
    }
    throw new QbittorrentAddError(id, answer.status, typeof answer.body === 'string' ? answer.body : answer.body.text);
  }

  async list(query: QbittorrentListQuery = {}): Promise<QbittorrentItem[]> {
    const params = { category: query.category, hashes: query.hashes?.length ? wireHashes(query.hashes) : undefined };
    const answer = await this.session.call({
      operation: 'listTorrents',
      path: '/api/v2/torrents/info',
      query: params,
      answers: { 200: qbittorrentTorrentInfosSchema },
    });
    return answer.body.map((raw) => toQbittorrentItem(raw, { dhtEnabled: this.options.dhtEnabled }));
  }

  /** Removes torrents; an unknown id is a no-op, as in qBittorrent. */
  async remove(ids: string[], deleteFiles: boolean): Promise<void> {
    if (ids.length === 0) return;
    await this.session.call({
      operation: 'remove',
      method: 'POST',
      path: '/api/v2/torrents/delete',
      // `deleteFiles` is required: qBittorrent answers 400 without it.
      body: new URLSearchParams({ hashes: wireHashes(ids), deleteFiles: String(deleteFiles) }),
      // Deleting again changes nothing, so a 5xx may be retried.
      idempotencyKey: randomUUID(),
      answers: { 200: null },
    });
  }

  /** Creates the category if missing. Its `savePath` only applies to torrents added with autoTMM. */
  async ensureCategory(name: string, savePath?: string): Promise<{ created: boolean }> {
    const answer = await this.session.call({
      operation: 'ensureCategory',
      method: 'POST',
      path: '/api/v2/torrents/createCategory',
      body: new URLSearchParams({ category: name, ...(savePath === undefined ? {} : { savePath }) }),
      // 409 "Unable to create category": it exists already, which is what we want.
      answers: { 200: null, 409: null },
    });
    return { created: answer.status === 200 };
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
}
