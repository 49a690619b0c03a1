import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DEV_DOWNLOAD_URL_SECRET, readDownloadUrlConfig } from './download-url.config';

export interface SignedUrlParts {
  downloadId: string;
  gameId: string;
  userId: string;
}

/**
 * Signs the content URL a session hands out, so the CDN (which shares DOWNLOAD_URL_SECRET) can serve
 * the bytes without calling us: HMAC-SHA256 over the session, game, user and expiry.
 */
@Injectable()
export class DownloadUrlSigner {
  private readonly secret: Buffer;
  private readonly baseUrl: string;
  private readonly ttlSeconds: number;

  constructor() {
    const config = readDownloadUrlConfig();
    if (!config.secret)
      new Logger('DownloadUrlSigner').warn(
        'DOWNLOAD_URL_SECRET is unset: signing download URLs with the development secret',
      );
    this.secret = Buffer.from(config.secret ?? DEV_DOWNLOAD_URL_SECRET);
    this.baseUrl = config.baseUrl;
    this.ttlSeconds = config.ttlSeconds;
  }

  sign(parts: SignedUrlParts, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    const signature = this.mac(parts, expires);
    return (
      `${this.baseUrl}/${encodeURIComponent(parts.gameId)}?download=${parts.downloadId}` +
      `&user=${encodeURIComponent(parts.userId)}&expires=${expires}&signature=${signature}`
    );
  }

  private mac(parts: SignedUrlParts, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`${parts.downloadId}\n${parts.gameId}\n${parts.userId}\n${expires}`)
      .digest('hex');
  }
}
