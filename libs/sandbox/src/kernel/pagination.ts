const LIMIT_PATTERN = /^[0-9]{1,3}$/;

/** `?limit=`: absent → `fallback`; a whole number from 1 to `max`; anything else → null (a 400). */
export function parseLimit(raw: string | null, bounds: { fallback: number; max: number }): number | null {
  if (raw === null) return bounds.fallback;
  if (!LIMIT_PATTERN.test(raw)) return null;
  const limit = Number(raw);
  return limit >= 1 && limit <= bounds.max ? limit : null;
}

export interface OffsetCursor {
  encode(offset: number): string;
  /** The offset, or null for a string this emulator never issued. */
  decode(cursor: string): number | null;
}

/** Opaque cursors over an offset: base64url of `<tag><offset>`, the tag telling emulators' cursors apart. */
export function offsetCursor(tag: string): OffsetCursor {
  const pattern = new RegExp(`^${tag}([0-9]{1,9})$`);
  const encode = (offset: number) => Buffer.from(`${tag}${offset}`).toString('base64url');
  return {
    encode,
    decode(cursor) {
      const match = pattern.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
      // base64url decoding is lenient; re-encoding rejects strings that merely decode to something.
      if (match === null || encode(Number(match[1])) !== cursor) return null;
      return Number(match[1]);
    },
  };
}
