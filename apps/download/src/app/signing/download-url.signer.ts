import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';

/** Used when DOWNLOAD_URL_SECRET is unset outside production, so that `npm start` needs no setup. */
export const DEV_DOWNLOAD_URL_SECRET = 'keel-dev-download-url-secret';

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
    const secret = process.env.DOWNLOAD_URL_SECRET;
    if (!secret && process.env.NODE_ENV === 'production') throw new Error('DOWNLOAD_URL_SECRET must be set in production');
    if (!secret) new Logger('DownloadUrlSigner').warn('DOWNLOAD_URL_SECRET is unset: signing download URLs with the development secret');
    this.secret = Buffer.from(secret ?? DEV_DOWNLOAD_URL_SECRET);
    this.baseUrl = (process.env.DOWNLOAD_CONTENT_BASE_URL ?? 'http://127.0.0.1:3001/content').replace(/\/+$/, '');
    const ttl = Number(process.env.DOWNLOAD_URL_TTL_SECONDS ?? 3600);
    if (!Number.isInteger(ttl) || ttl < 1) throw new Error(`DOWNLOAD_URL_TTL_SECONDS=${process.env.DOWNLOAD_URL_TTL_SECONDS} is invalid: expected whole seconds ≥ 1`);
    this.ttlSeconds = ttl;
  }

  sign(parts: SignedUrlParts, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    const signature = this.mac(parts, expires);
    return `${this.baseUrl}/${encodeURIComponent(parts.gameId)}?download=${parts.downloadId}&user=${encodeURIComponent(parts.userId)}&expires=${expires}&signature=${signature}`;
  }

  private mac(parts: SignedUrlParts, expires: number): string {
    return createHmac('sha256', this.secret).update(`${parts.downloadId}\n${parts.gameId}\n${parts.userId}\n${expires}`).digest('hex');
  }
}
