import { magnetDecode } from '@ctrl/magnet-link';
import { hash as torrentInfoHash } from '@ctrl/torrent-file';
import { QbittorrentInvalidTorrentError } from './errors/qbittorrent-invalid-torrent.error';

/**
 * The v1 info hash of a magnet, upper-case (Radarr's download id). Accepts hex and base32 `btih`.
 * Throws QbittorrentInvalidTorrentError when there is none: without it we could neither confirm a
 * duplicate nor find the torrent again.
 */
export function infoHashFromMagnet(uri: string): string {
  let infoHash: string | undefined;
  try {
    infoHash = magnetDecode(uri).infoHash;
  } catch {
    infoHash = undefined;
  }
  if (!infoHash || !/^[0-9a-f]{40}$/i.test(infoHash))
    throw new QbittorrentInvalidTorrentError('the magnet link has no v1 info hash (xt=urn:btih:…)', 400);
  return infoHash.toUpperCase();
}

/** The info hash of `.torrent` bytes, upper-case; QbittorrentInvalidTorrentError if they do not parse. */
export function infoHashFromTorrent(bytes: Uint8Array): string {
  try {
    // A copy with its own ArrayBuffer: the parser reads `.buffer`, and a small Node Buffer is a
    // window on a shared 8 KiB pool, so it would parse unrelated bytes.
    return torrentInfoHash(new Uint8Array(bytes)).toUpperCase();
  } catch (error) {
    throw new QbittorrentInvalidTorrentError(`the torrent file does not parse: ${(error as Error).message}`, 400);
  }
}

export function isMagnet(url: string): boolean {
  return url.trim().toLowerCase().startsWith('magnet:');
}
