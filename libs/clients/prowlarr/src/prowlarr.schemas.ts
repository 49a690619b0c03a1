import { z } from 'zod';
import { absentIfInvalid, tolerantList } from '@keel/clients-core';

/*
 * What Keel reads of Prowlarr's answers (contracts/prowlarr-openapi.json: `ReleaseResource`,
 * `IndexerResource`). The document marks no field required and Prowlarr leaves null properties out,
 * so every field but the one an entry is useless without reads as absent when it is missing, null or
 * of another type (older builds send other types), and unknown fields are ignored.
 */

const text = absentIfInvalid(z.string());
const nonEmptyText = absentIfInvalid(z.string().refine((value) => value.trim() !== ''));
const count = absentIfInvalid(z.number());
const flag = absentIfInvalid(z.boolean());
/** Only the strings of an array; anything else is an empty list. */
const texts = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.filter((item): item is string => typeof item === 'string'));

/** `IndexerCategory` objects, or bare ids as some builds send them, flattened to ids. */
const categoryIds = z
  .array(
    z
      .union([z.object({ id: z.number() }).transform((category) => category.id), z.number()])
      .nullable()
      .catch(null),
  )
  .catch([])
  .transform((ids) => ids.filter((id) => id !== null));

/** One `ReleaseResource`: usable with a title. */
export const prowlarrReleaseResourceSchema = z.object({
  title: z.string().refine((value) => value.trim() !== '', 'expected a non-empty title'),
  guid: nonEmptyText,
  size: count,
  indexerId: count,
  indexer: text,
  publishDate: text,
  ageHours: count,
  seeders: count,
  leechers: count,
  /** `torrent`/`usenet` in any case, or Servarr's DownloadProtocol enum number (older builds). */
  protocol: absentIfInvalid(z.union([z.string(), z.number()])),
  downloadUrl: text,
  magnetUrl: text,
  infoHash: text,
  indexerFlags: texts,
  categories: categoryIds,
  /** The IMDb number alone (0 when unknown), as Prowlarr sends it; some builds send `tt…`. */
  imdbId: absentIfInvalid(z.union([z.number(), z.string()])),
  tmdbId: count,
  infoUrl: text,
});
export type ProwlarrReleaseResource = z.infer<typeof prowlarrReleaseResourceSchema>;

/** `GET /api/v1/search`. */
export const prowlarrReleasesSchema = tolerantList(prowlarrReleaseResourceSchema, 'no release has a title');

/** One `IndexerResource`: usable with a numeric id. */
export const prowlarrIndexerResourceSchema = z.object({
  id: z.number(),
  name: text,
  enable: flag,
  priority: count,
  protocol: text,
  privacy: text,
  supportsSearch: flag,
  supportsRss: flag,
});
export type ProwlarrIndexerResource = z.infer<typeof prowlarrIndexerResourceSchema>;

/** `GET /api/v1/indexer`. */
export const prowlarrIndexersSchema = tolerantList(prowlarrIndexerResourceSchema, 'no indexer entry has a numeric id');

/** Prowlarr's error body (`ErrorModel`): `{message, description?}`. */
const prowlarrErrorSchema = z.object({ message: nonEmptyText });

/**
 * The message of an error answer's text, when it is Prowlarr's `{message}`; undefined for an empty
 * body, a bare validation array or a proxy's page.
 */
export function prowlarrErrorMessage(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  return prowlarrErrorSchema.safeParse(body).data?.message;
}
