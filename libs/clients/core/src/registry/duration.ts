import { parseDuration } from '@keel/util';

// Clients parse their own duration variables with it too.
export { parseDuration };

/** "60/1m" → 60 calls per minute. */
export function parseRate(text: string): { limit: number; windowMs: number } | undefined {
  const [count, window] = text.split('/');
  const limit = Number(count);
  const windowMs =
    window === undefined || window.trim() === ''
      ? undefined
      : parseDuration(/^\d/.test(window) ? window : `1${window}`);
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
