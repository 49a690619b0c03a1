import { createHash } from 'node:crypto';
import { bencode } from '../kernel/bencode';
import { SANDBOX_TRACKER } from './prowlarr.constants';
import type { ProwlarrReleaseSeed } from './prowlarr-releases.seed';

/** 16 MiB pieces keep even a 58 GiB remux's piece list near 70 kB. */
const PIECE_LENGTH = 16 * 1024 * 1024;
const CREATION_DATE = 1_700_000_000;

export interface SeededTorrent {
  /** The `.torrent` file's bytes. */
  file: Buffer;
  /** SHA-1 of the bencoded info dict, lower-case hex: what a torrent client and a magnet call the torrent. */
  infoHash: string;
}

/**
 * A real single-file torrent for `release`, so that a client which hashes the info dict gets the
 * same hash the search result advertised. The piece hashes are made up (there is no payload).
 */
export function buildTorrent(release: Pick<ProwlarrReleaseSeed, 'key' | 'title' | 'size'>): SeededTorrent {
  const pieceCount = Math.max(1, Math.ceil(release.size / PIECE_LENGTH));
  const pieces = Buffer.concat(Array.from({ length: pieceCount }, (_, i) => sha1(`${release.key}:${i}`)));
  const info = { length: release.size, name: `${release.title}.mkv`, 'piece length': PIECE_LENGTH, pieces };
  const file = bencode({
    announce: SANDBOX_TRACKER,
    'announce-list': [[SANDBOX_TRACKER]],
    'created by': 'keel-sandbox',
    'creation date': CREATION_DATE,
    info,
  });
  return { file, infoHash: sha1(bencode(info)).toString('hex') };
}

/** A magnet release has no info dict here; a stable hash of its key stands in for one. */
export function magnetInfoHash(release: Pick<ProwlarrReleaseSeed, 'key' | 'title'>): string {
  return sha1(`magnet:${release.key}:${release.title}`).toString('hex');
}

export function magnetUri(infoHash: string, title: string): string {
  return `magnet:?xt=urn:btih:${infoHash}&dn=${encodeURIComponent(title)}&tr=${encodeURIComponent(SANDBOX_TRACKER)}`;
}

function sha1(input: string | Buffer): Buffer {
  return createHash('sha1').update(input).digest();
}
