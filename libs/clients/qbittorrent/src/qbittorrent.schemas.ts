import { z } from 'zod';
import { absentIfInvalid, tolerantList } from '@keel/clients-core';
import { QBITTORRENT_INFINITE_ETA } from './qbittorrent.constants';

/*
 * What Keel reads of qBittorrent's WebUI API v2 answers (research notes §2.3; qBittorrent publishes
 * no OpenAPI document). Fields come and go between 4.1 and 5.2, so only what an entry is useless
 * without is required; every other field reads as absent when missing, null or mistyped, and
 * unknown fields (qBittorrent sends ~50) are ignored.
 */

const text = absentIfInvalid(z.string());
const count = absentIfInvalid(z.number());

/**
 * One `torrents/info` entry, with what older versions lack defaulted as Radarr would:
 * `content_path` (WebAPI 2.6.1) is the save path joined with the name, `tags` (2.3) is empty,
 * `size` falls back to `total_size`, and an unknown `state` maps to Downloading later.
 */
export const qbittorrentTorrentInfoSchema = z
  .object({
    hash: z.string().min(1),
    name: text,
    state: text,
    progress: count,
    eta: count,
    size: count,
    total_size: count,
    downloaded: count,
    content_path: text,
    save_path: text,
    category: text,
    tags: text,
  })
  .transform((raw) => {
    const name = raw.name ?? '';
    const savePath = raw.save_path ?? '';
    return {
      hash: raw.hash,
      name,
      state: raw.state ?? 'unknown',
      /** 0..1 */
      progress: Math.min(1, Math.max(0, raw.progress ?? 0)),
      /** Seconds; {@link QBITTORRENT_INFINITE_ETA} for "infinite". */
      eta: raw.eta ?? QBITTORRENT_INFINITE_ETA,
      size: raw.size ?? raw.total_size ?? 0,
      ...(raw.downloaded === undefined ? {} : { downloaded: raw.downloaded }),
      content_path: raw.content_path ?? joinPath(savePath, name),
      save_path: savePath,
      category: raw.category ?? '',
      /** Comma-and-space separated, e.g. `keel, movies`. */
      tags: raw.tags ?? '',
    };
  });
/** The `torrents/info` fields the client reads. */
export type QbittorrentTorrentInfo = z.infer<typeof qbittorrentTorrentInfoSchema>;

/**
 * `GET torrents/info`: entries without a hash are skipped; a non-empty list with none usable is a
 * contract error.
 */
export const qbittorrentTorrentInfosSchema = tolerantList(qbittorrentTorrentInfoSchema, 'no entry has a hash');

/** `POST torrents/add` of 5.2: a JSON count, where pending means accepted. */
const addCountsSchema = z.object({ success_count: count, pending_count: count });

/** Text that holds JSON, parsed; anything else is an issue rather than a SyntaxError. */
const jsonText = z.string().transform((value, ctx): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected Ok., Fails. or a JSON count' });
    return z.NEVER;
  }
});

/**
 * Whether `POST torrents/add` added something, from its text: ≤ 5.1 answers `Ok.` / `Fails.`
 * (an empty body counts as `Ok.`, as Radarr reads it), 5.2 a JSON count
 * (`{success_count, failure_count, pending_count, added_torrent_ids}`).
 */
const addedSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(
    z.union([
      z.enum(['Ok.', '']).transform(() => true),
      z.literal('Fails.').transform(() => false),
      jsonText
        .pipe(addCountsSchema)
        .transform((counts) => (counts.success_count ?? 0) + (counts.pending_count ?? 0) > 0),
    ]),
  );

/** `POST torrents/add`'s answer: whether it added something, and its text for the error when not. */
export const qbittorrentAddAnswerSchema = z.string().transform((text, ctx) => {
  const added = addedSchema.safeParse(text);
  if (added.success) return { added: added.data, text };
  for (const issue of added.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
  return z.NEVER;
});

/** `GET app/webapiVersion`: a dotted version such as `2.8.19`. */
export const qbittorrentWebApiVersionSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().regex(/^\d+(\.\d+)*$/, 'app/webapiVersion did not answer a version'));

function joinPath(directory: string, name: string): string {
  if (directory === '' || name === '') return directory || name;
  const separator = directory.includes('\\') && !directory.includes('/') ? '\\' : '/';
  return directory.endsWith(separator) ? `${directory}${name}` : `${directory}${separator}${name}`;
}
