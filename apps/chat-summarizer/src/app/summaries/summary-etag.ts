import { createHash } from 'node:crypto';

/** A strong ETag over what determines a summary's content: conversation, window, newest message and method. */
export function summaryEtag(conversationId: string, limit: number, newestMessageId: string, method: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([conversationId, limit, newestMessageId, method]))
    .digest('base64url');
  return `"${digest.slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: `*` or any listed tag matches, compared weakly (a `W/` prefix is ignored). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const wanted = stripWeak(etag);
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || stripWeak(tag) === wanted;
  });
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
