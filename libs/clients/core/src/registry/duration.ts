const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "250ms", "10s", "1m", "1.5h" or a bare number of milliseconds → ms; undefined if malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']);
}

/** "60/1m" → 60 calls per minute. */
export function parseRate(text: string): { limit: number; windowMs: number } | undefined {
  const [count, window] = text.split('/');
  const limit = Number(count);
  const windowMs = window === undefined || window.trim() === '' ? undefined : parseDuration(/^\d/.test(window) ? window : `1${window}`);
  if (!Number.isInteger(limit) || limit < 1 || !windowMs) return undefined;
  return { limit, windowMs };
}

/** "32/128" → 32 concurrent calls, 128 queued. */
export function parseBulkhead(text: string): { limit: number; queue: number } | undefined {
  const [a, b = '0'] = text.split('/');
  const limit = Number(a);
  const queue = Number(b);
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(queue) || queue < 0) return undefined;
  return { limit, queue };
}
