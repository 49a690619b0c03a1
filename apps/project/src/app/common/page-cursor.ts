import { BadRequestException } from '@nestjs/common';

/** Where a page resumes: the last row's (timestamp, id). Opaque to callers (base64url). */
export interface PageCursor {
  at: Date;
  id: string;
}

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString('base64url');
}

/** Throws 400 for a cursor this service did not issue. `id` is any non-empty key (a uuid or a resource id). */
export function decodeCursor(text: string): PageCursor {
  const raw = Buffer.from(text, 'base64url').toString();
  const split = raw.indexOf('|');
  const at = new Date(raw.slice(0, split));
  const id = raw.slice(split + 1);
  if (split < 0 || id === '' || id.length > 128 || Number.isNaN(at.getTime())) throw new BadRequestException(['cursor is not one this service issued']);
  return { at, id };
}

/** Slices a `limit + 1` row fetch into one page and the cursor of the next (null on the last page). */
export function toPage<Row, Item>(rows: Row[], limit: number, keyOf: (row: Row) => PageCursor, map: (row: Row) => Item): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
