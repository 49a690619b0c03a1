import { magnetDecode } from '@ctrl/magnet-link';
import { info as torrentInfo } from '@ctrl/torrent-file';
import { decodeBencode, infoHashOf, type BencodeValue } from './qbittorrent.bencode';
import { DEFAULT_MAGNET_SIZE } from './qbittorrent.constants';

/** What an added link or file tells about a torrent, before any layout on disk. */
export interface TorrentSource {
  hash: string;
  name: string;
  magnetUri: string;
  totalSize: number;
  /** The torrent's own files (paths include the torrent name); null for a magnet or a single-file torrent. */
  multiFiles: { path: string; size: number }[] | null;
  fromMagnet: boolean;
}

const HEX_HASH = /^[0-9a-f]{40}$/;

export function parseMagnet(uri: string): TorrentSource | null {
  if (!uri.startsWith('magnet:?')) return null;
  const magnet = magnetDecode(uri);
  const hash = magnet.infoHash?.toLowerCase();
  if (hash === undefined || !HEX_HASH.test(hash)) return null;
  const name = first(magnet.dn) ?? hash;
  const declared = Number(magnet.xl);
  return {
    hash,
    name,
    magnetUri: uri,
    totalSize: Number.isSafeInteger(declared) && declared > 0 ? declared : DEFAULT_MAGNET_SIZE,
    multiFiles: null,
    fromMagnet: true,
  };
}

/** `null` when the bytes are not a bencoded torrent with an `info` dictionary. */
export function parseTorrentFile(bytes: Uint8Array): TorrentSource | null {
  // The bencode decoder mis-reads Node Buffers, so hand it a plain Uint8Array.
  const plain = new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  try {
    const { name } = torrentInfo(plain);
    const hash = infoHashOf(plain);
    const multiFiles = listFiles(plain, name);
    return {
      hash,
      name,
      magnetUri: `magnet:?xt=urn:btih:${hash}&dn=${encodeURIComponent(name)}`,
      totalSize: multiFiles === null ? singleLength(plain) : multiFiles.reduce((sum, file) => sum + file.size, 0),
      multiFiles,
      fromMagnet: false,
    };
  } catch {
    return null;
  }
}

/**
 * Fetches an http(s) link without following redirects, as Radarr does: indexers answer a magnet
 * as `301 Location: magnet:…`. qBittorrent does this in the background; awaiting it keeps the
 * add answer deterministic for tests.
 */
export async function fetchTorrentUrl(url: string, hopsLeft = 5): Promise<TorrentSource | null> {
  if (hopsLeft === 0) return null;
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.arrayBuffer();
      return location.startsWith('magnet:')
        ? parseMagnet(location)
        : fetchTorrentUrl(new URL(location, url).toString(), hopsLeft - 1);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return response.ok ? parseTorrentFile(bytes) : null;
  } catch {
    return null;
  }
}

type Dict = Record<string, BencodeValue>;

function infoDict(bytes: Uint8Array): Dict {
  return (decodeBencode(bytes) as Dict)['info'] as Dict;
}

function singleLength(bytes: Uint8Array): number {
  const length = infoDict(bytes)['length'];
  if (typeof length !== 'number') throw new Error('torrent has neither length nor files');
  return length;
}

/** `info.files` as `<name>/<path…>`; null for a single-file torrent. */
function listFiles(bytes: Uint8Array, name: string): { path: string; size: number }[] | null {
  const files = infoDict(bytes)['files'];
  if (!Array.isArray(files)) return null;
  return files.map((entry) => {
    const file = entry as Dict;
    const parts = ((file['path.utf-8'] ?? file['path']) as Buffer[]).map((part) => part.toString('utf8'));
    return { path: [name, ...parts].join('/'), size: file['length'] as number };
  });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
