import { createHash } from 'node:crypto';
import { bencode, type Bencodable } from '../kernel/bencode';

export type BencodeValue = number | Buffer | BencodeValue[] | { [key: string]: BencodeValue };

/**
 * Minimal bencode decoder that keeps every byte string as a Buffer. `@ctrl/torrent-file`'s own
 * decoder turns byte strings that happen to be valid UTF-8 into JS strings, so its `files()` throws
 * on such `pieces` and its `hash()` (which re-encodes) can differ from the real info hash.
 */
export function decodeBencode(bytes: Uint8Array): BencodeValue {
  return parse(bytes).value;
}

/** The BitTorrent v1 info hash: SHA-1 of the `info` dictionary's bytes exactly as they appear in the file. */
export function infoHashOf(bytes: Uint8Array): string {
  const { infoSpan } = parse(bytes);
  if (infoSpan === null) throw new Error('torrent has no info dictionary');
  return createHash('sha1')
    .update(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(infoSpan[0], infoSpan[1]))
    .digest('hex');
}

function parse(bytes: Uint8Array): { value: BencodeValue; infoSpan: [number, number] | null } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let infoSpan: [number, number] | null = null;
  const next = (depth: number): BencodeValue => {
    const lead = buf[at];
    if (lead === 0x69) {
      const end = buf.indexOf(0x65, at);
      if (end === -1) throw new Error('bencode: unterminated integer');
      const value = Number(buf.toString('latin1', at + 1, end));
      at = end + 1;
      return value;
    }
    if (lead === 0x6c || lead === 0x64) {
      at++;
      const items: BencodeValue[] = [];
      while (buf[at] !== 0x65) {
        if (at >= buf.length) throw new Error('bencode: unterminated container');
        const start = at;
        items.push(next(depth + 1));
        const isInfoValue =
          lead === 0x64 && depth === 0 && items.length % 2 === 0 && String(items[items.length - 2]) === 'info';
        if (isInfoValue) infoSpan = [start, at];
      }
      at++;
      if (lead === 0x6c) return items;
      const dict: Record<string, BencodeValue> = {};
      for (let i = 0; i + 1 < items.length; i += 2) dict[(items[i] as Buffer).toString('utf8')] = items[i + 1];
      return dict;
    }
    const colon = buf.indexOf(0x3a, at);
    const length = Number(buf.toString('latin1', at, colon));
    if (colon === -1 || !Number.isSafeInteger(length) || colon + 1 + length > buf.length)
      throw new Error('bencode: bad string');
    at = colon + 1 + length;
    return buf.subarray(colon + 1, at);
  };
  const value = next(0);
  if (at !== buf.length) throw new Error('bencode: trailing bytes');
  return { value, infoSpan };
}

export interface TorrentFixture {
  name: string;
  /** Single-file torrent of this length, unless `files` is given. */
  length?: number;
  /** Multi-file torrent: paths below the torrent's folder. */
  files?: { path: string[]; length: number }[];
  announce?: string;
}

/** A `.torrent` with fake piece hashes, plus its info hash, e.g. for a Prowlarr fixture or a qBittorrent upload. */
export function buildTorrentFile(fixture: TorrentFixture): { bytes: Buffer; hash: string } {
  const pieceLength = 4 * 1024 * 1024;
  const info: Record<string, Bencodable> = {
    name: fixture.name,
    'piece length': pieceLength,
    pieces: new Uint8Array(20).fill(0xff),
  };
  if (fixture.files !== undefined)
    info['files'] = fixture.files.map((file) => ({ length: file.length, path: file.path }));
  else info['length'] = fixture.length ?? 1_000_000;
  const bytes = bencode({ announce: fixture.announce ?? 'http://tracker.invalid/announce', info });
  return { bytes, hash: createHash('sha1').update(bencode(info)).digest('hex') };
}
