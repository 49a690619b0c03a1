/** Used when DOWNLOAD_URL_SECRET is unset outside production, so that `npm start` needs no setup. */
export const DEV_DOWNLOAD_URL_SECRET = 'keel-dev-download-url-secret';

export interface DownloadUrlConfig {
  /** DOWNLOAD_URL_SECRET, shared with the CDN; unset outside production means the development secret. */
  secret: string | undefined;
  /** DOWNLOAD_CONTENT_BASE_URL without trailing slashes. */
  baseUrl: string;
  /** DOWNLOAD_URL_TTL_SECONDS: how long a signed URL stays valid. */
  ttlSeconds: number;
}

/** Reads the signer's settings, failing fast on a missing production secret or a bad TTL. */
export function readDownloadUrlConfig(env: NodeJS.ProcessEnv = process.env): DownloadUrlConfig {
  const secret = env.DOWNLOAD_URL_SECRET;
  if (!secret && env.NODE_ENV === 'production') throw new Error('DOWNLOAD_URL_SECRET must be set in production');
  const baseUrl = (env.DOWNLOAD_CONTENT_BASE_URL ?? 'http://127.0.0.1:3001/content').replace(/\/+$/, '');
  const ttl = Number(env.DOWNLOAD_URL_TTL_SECONDS ?? 3600);
  if (!Number.isInteger(ttl) || ttl < 1)
    throw new Error(`DOWNLOAD_URL_TTL_SECONDS=${env.DOWNLOAD_URL_TTL_SECONDS} is invalid: expected whole seconds ≥ 1`);
  return { secret, baseUrl, ttlSeconds: ttl };
}
