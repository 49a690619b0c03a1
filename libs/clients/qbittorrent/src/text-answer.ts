import type { z } from 'zod';
import { DownstreamContractError } from '@keel/clients-core';
import { QBITTORRENT } from './qbittorrent.constants';

/**
 * Checks a text answer (`Ok.`, a version) against `schema`, as clients-core checks a JSON one: a
 * refusal is a DownstreamContractError naming what came. qBittorrent answers most calls in plain
 * text, which the core's `textAnswer()` hands over unchecked.
 */
export function readText<T>(schema: z.ZodType<T, string>, text: string): T {
  const result = schema.safeParse(text);
  if (result.success) return result.data;
  const seen = JSON.stringify(text.trim().slice(0, 60));
  throw new DownstreamContractError(
    QBITTORRENT,
    result.error.issues.map((issue) => `body: ${issue.message}, got ${seen}`),
    { cause: result.error },
  );
}
