import { createHash } from 'node:crypto';

type Bencodable = number | string | Buffer | Bencodable[] | { [key: string]: Bencodable };

function bencode(value: Bencodable): Buffer {
  if (typeof value === 'number') return Buffer.from(`i${Math.trunc(value)}e`);
  if (typeof value === 'string') return bencode(Buffer.from(value));
  if (Buffer.isBuffer(value)) return Buffer.concat([Buffer.from(`${value.length}:`), value]);
  if (Array.isArray(value)) return Buffer.concat([Buffer.from('l'), ...value.map(bencode), Buffer.from('e')]);
  // Keys in raw byte order, as BEP 3 requires (otherwise clients compute another info hash).
  const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((key) => [bencode(key), bencode(value[key])]), Buffer.from('e')]);
}

export interface TorrentFileFixture {
  bytes: Buffer;
  /** Upper-case hex SHA-1 of the bencoded `info` dictionary. */
  infoHash: string;
}

/**
 * A valid single-file `.torrent` for `content`, built here so tests need no binary fixtures and can
 * make as many distinct torrents (distinct hashes) as they like.
 */
export function buildTorrentFile(name: string, content: Buffer | string = `${name} content`): TorrentFileFixture {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const pieceLength = 16_384;
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += pieceLength) pieces.push(createHash('sha1').update(data.subarray(offset, offset + pieceLength)).digest());
  const info = { length: data.length, name, 'piece length': pieceLength, pieces: Buffer.concat(pieces) };
  const bytes = bencode({ announce: 'http://127.0.0.1:1/announce', 'creation date': 0, info });
  return { bytes, infoHash: createHash('sha1').update(bencode(info)).digest('hex').toUpperCase() };
}
