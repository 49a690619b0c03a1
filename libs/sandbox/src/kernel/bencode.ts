export type Bencodable = number | string | Uint8Array | Bencodable[] | { [key: string]: Bencodable };

/**
 * BEP 3 encoding: just enough to build `.torrent` files, the one encoder of the sandbox and its
 * fixtures. Dictionary keys are sorted by their raw UTF-8 bytes, as the spec demands (not by
 * JavaScript's UTF-16 order, which differs above U+FFFF), so the info hash of a dict is the one a
 * real client computes, whatever order the dict was built in.
 */
export function bencode(value: Bencodable): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function write(value: Bencodable, parts: Buffer[]): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`bencode supports integers only, got ${value}`);
    parts.push(Buffer.from(`i${value}e`));
  } else if (typeof value === 'string' || value instanceof Uint8Array) {
    const bytes =
      typeof value === 'string'
        ? Buffer.from(value, 'utf8')
        : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    parts.push(Buffer.from(`${bytes.length}:`), bytes);
  } else if (Array.isArray(value)) {
    parts.push(Buffer.from('l'));
    for (const item of value) write(item, parts);
    parts.push(Buffer.from('e'));
  } else {
    parts.push(Buffer.from('d'));
    const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const key of keys) {
      write(key, parts);
      write(value[key], parts);
    }
    parts.push(Buffer.from('e'));
  }
}
