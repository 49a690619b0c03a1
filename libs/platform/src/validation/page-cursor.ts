import { RequestValidationError } from '../errors/request-validation.error';

/** Where a page resumes: the last row's (timestamp, key). Opaque to callers: base64url of `ISO|key`. */
export interface PageCursor {
  at: Date;
  id: string;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A key of ours: letters, digits and `_ . @ : | -`, 1–128 of them (resource and user ids). */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@:|-]{0,127}$/;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
// What Date#toISOString writes for years 0000–9999: a cursor of ours, and a timestamp Postgres can
// compare. An expanded year (-271821-04-20T…, valid to Date) makes Postgres fail the query.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const INVALID_CURSOR_MESSAGE = 'cursor is not one this service issued';

export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString('base64url');
}

/**
 * Decodes a cursor this service issued, or throws the 400 validation problem naming `cursor`. Every
 * part is checked before it reaches a query: a cursor is caller input, and a value Postgres refuses
 * (a uuid column compared with text, a NUL, an out-of-range timestamp) would otherwise be a 500.
 */
export function decodePageCursor(text: string, idPattern: RegExp = KEY_PATTERN): PageCursor {
  const raw = BASE64URL.test(text) ? Buffer.from(text, 'base64url').toString('utf8') : '';
  const split = raw.indexOf('|');
  const stamp = raw.slice(0, split);
  const id = raw.slice(split + 1);
  const at = new Date(stamp);
  if (
    split < 0 ||
    !ISO_INSTANT.test(stamp) ||
    Number.isNaN(at.getTime()) ||
    at.toISOString() !== stamp ||
    !idPattern.test(id)
  )
    throw new RequestValidationError([INVALID_CURSOR_MESSAGE]);
  return { at, id };
}
