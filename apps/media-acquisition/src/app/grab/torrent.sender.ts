import { Inject, Injectable } from '@nestjs/common';
import { ProwlarrClient } from '@keel/clients-prowlarr';
import type { ProwlarrRelease } from '@keel/clients-prowlarr';
import { QbittorrentClient } from '@keel/clients-qbittorrent';
import type { AddTorrentRequest } from '@keel/clients-qbittorrent';
import { MEDIA_CONFIG } from '../config/media.config';
import type { MediaConfig } from '../config/media.config';

/** Tags every torrent Keel adds, so people can tell them apart in qBittorrent's UI. */
const GRAB_TAG = 'keel';

/** A torrent qBittorrent took: its id (the info hash), and whether it had it already. */
export interface SentTorrent {
  id: string;
  duplicate: boolean;
}

/**
 * Sends a release to qBittorrent: Prowlarr resolves its link (a magnet, or a `.torrent` it fetches),
 * and qBittorrent adds it, paused never, in our category with our tag. A link the indexer no longer
 * has throws ProwlarrReleaseGoneError.
 */
@Injectable()
export class TorrentSender {
  /** qBittorrent keeps its categories across restarts: create ours once per process, not per grab. */
  private category: Promise<unknown> | undefined;

  constructor(
    private readonly prowlarr: ProwlarrClient,
    private readonly qbittorrent: QbittorrentClient,
    @Inject(MEDIA_CONFIG) private readonly config: MediaConfig,
  ) {}

  async send(release: ProwlarrRelease): Promise<SentTorrent> {
    const link = await this.prowlarr.resolveDownload(release);
    const request: AddTorrentRequest = { category: this.config.category, tags: [GRAB_TAG], paused: false };
    if (link.kind === 'magnet') request.urls = [link.uri];
    else Object.assign(request, { torrent: link.bytes, fileName: `${release.title}.torrent` });
    await this.categoryReady();
    return this.qbittorrent.addTorrent(request);
  }

  /** Takes a torrent out of qBittorrent; `deleteFiles` deletes what it downloaded too. */
  async remove(id: string, deleteFiles: boolean): Promise<void> {
    await this.qbittorrent.remove([id], deleteFiles);
  }

  private categoryReady(): Promise<unknown> {
    this.category ??= this.qbittorrent.ensureCategory(this.config.category).catch((error: unknown) => {
      this.category = undefined;
      throw error;
    });
    return this.category;
  }
}
