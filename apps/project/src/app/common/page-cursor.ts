import { KEY_PATTERN, decodePageCursor, encodePageCursor } from '@keel/platform';
import type { PageCursor } from '@keel/platform';

export type { PageCursor };

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(cursor: PageCursor): string {
  return encodePageCursor(cursor);
}

/**
 * Throws 400 naming the cursor for one this service did not issue. `idPattern` is what the list's
 * key column holds (UUID_PATTERN for projects and comments, a resource id otherwise), so a cursor
 * never reaches a query with a value Postgres would refuse.
 */
export function decodeCursor(text: string, idPattern: RegExp = KEY_PATTERN): PageCursor {
  return decodePageCursor(text, idPattern);
}

/** Slices a `limit + 1` row fetch into one page and the cursor of the next (null on the last page). */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => PageCursor,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
