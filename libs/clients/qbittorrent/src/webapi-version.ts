import { QBITTORRENT_STOP_START_API } from './qbittorrent.constants';

/**
 * Compares dotted versions numerically, part by part (`2.9.3` < `2.11.0`, where a string compare
 * would say the opposite). A leading `v` is ignored and missing parts count as 0.
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .trim()
      .replace(/^v/i, '')
      .split('.')
      .map((p) => Number.parseInt(p, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** The names of one WebAPI generation (qBittorrent commit 5d1c2496 renamed them in 2.11.0). */
export interface WebApiDialect {
  webApi: string;
  /** The `torrents/add` field that adds a torrent without starting it. */
  addStoppedField: 'paused' | 'stopped';
}

export function dialectFor(webApi: string): WebApiDialect {
  const stopStart = compareVersions(webApi, QBITTORRENT_STOP_START_API) >= 0;
  return { webApi, addStoppedField: stopStart ? 'stopped' : 'paused' };
}
