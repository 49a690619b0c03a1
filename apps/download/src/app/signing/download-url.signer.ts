import { Injectable, Logger } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
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
    if (!config.secret) new Logger('DownloadUrlSigner').warn('DOWNLOAD_URL_SECRET is unset: signing download URLs with the development secret');
    this.secret = Buffer.from(config.secret ?? DEV_DOWNLOAD_URL_SECRET);
    this.baseUrl = config.baseUrl;
    this.ttlSeconds = config.ttlSeconds;
  }

  sign(parts: SignedUrlParts, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    const signature = this.mac(parts, expires);
    return `${this.baseUrl}/${encodeURIComponent(parts.gameId)}?download=${parts.downloadId}&user=${encodeURIComponent(parts.userId)}&expires=${expires}&signature=${signature}`;
  }

  /** What the CDN checks: the signature matches and the URL has not expired. */
  verify(url: string, now = Date.now()): boolean {
    const parsed = new URL(url);
    const gameId = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
    const downloadId = parsed.searchParams.get('download') ?? '';
    const userId = parsed.searchParams.get('user') ?? '';
    const expires = Number(parsed.searchParams.get('expires'));
    const given = Buffer.from(parsed.searchParams.get('signature') ?? '', 'hex');
    const expected = Buffer.from(this.mac({ downloadId, gameId, userId }, expires), 'hex');
    return Number.isInteger(expires) && expires * 1000 > now && given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(parts: SignedUrlParts, expires: number): string {
    return createHmac('sha256', this.secret).update(`${parts.downloadId}\n${parts.gameId}\n${parts.userId}\n${expires}`).digest('hex');
  }
}
