import type { RequestContext } from '../kernel/emulator.types';
import { readBody } from '../kernel/body';

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/** A request's parameters: the query string, overlaid by an urlencoded or multipart body (qBittorrent merges both). */
export interface QbtForm {
  get(name: string): string | undefined;
  files: UploadedFile[];
}

/** Reads the parameters once per request; `limitBytes` bounds the body. */
export async function readForm(ctx: RequestContext, limitBytes?: number): Promise<QbtForm> {
  const fields = new Map<string, string>();
  for (const [key, value] of ctx.query) fields.set(key, value);
  const files: UploadedFile[] = [];
  const contentType = ctx.req.headers['content-type'] ?? '';
  const raw = ctx.method === 'GET' || ctx.method === 'HEAD' ? Buffer.alloc(0) : await readBody(ctx.req, limitBytes);

  if (raw.length > 0 && contentType.startsWith('multipart/form-data')) {
    // The runtime's own multipart parser, so the emulator needs no dependency for it.
    const form = await new Request('http://qbittorrent.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    for (const [key, value] of form) {
      if (typeof value === 'string') fields.set(key, value);
      // Like qBittorrent, every file part counts as a torrent, whatever its field name.
      else files.push({ filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  } else if (raw.length > 0) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) fields.set(key, value);
  }
  return { get: (name) => fields.get(name), files };
}

/** qBittorrent's `parseBool`: only `true` (any case) is true. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}

/** `hashes=h1|h2|all` → lower-case hashes, or `'all'`. */
export function parseHashes(value: string | undefined): string[] | 'all' {
  if (value === undefined) return [];
  if (value.toLowerCase() === 'all') return 'all';
  return value
    .split('|')
    .map((hash) => hash.trim().toLowerCase())
    .filter((hash) => hash !== '');
}
