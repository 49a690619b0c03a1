import { createHash } from 'node:crypto';
import { bencode } from '@keel/sandbox';

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
  for (let offset = 0; offset < data.length; offset += pieceLength)
    pieces.push(
      createHash('sha1')
        .update(data.subarray(offset, offset + pieceLength))
        .digest(),
    );
  const info = { length: data.length, name, 'piece length': pieceLength, pieces: Buffer.concat(pieces) };
  const bytes = bencode({ announce: 'http://127.0.0.1:1/announce', 'creation date': 0, info });
  return { bytes, infoHash: createHash('sha1').update(bencode(info)).digest('hex').toUpperCase() };
}
