import { z } from 'zod';

/*
 * What Keel reads of Prowlarr's answers (contracts/prowlarr-openapi.json: `ReleaseResource`,
 * `IndexerResource`). The document marks no field required and Prowlarr leaves null properties out,
 * so every field but the one an entry is useless without reads as absent when it is missing, null or
 * of another type (older builds send other types), and unknown fields are ignored.
 */

/** Absent when missing, null or mistyped, rather than a contract error. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const text = optional(z.string());
const nonEmptyText = optional(z.string().refine((value) => value.trim() !== ''));
const count = optional(z.number());
const flag = optional(z.boolean());
/** Only the strings of an array; anything else is an empty list. */
const texts = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.filter((item): item is string => typeof item === 'string'));

/**
 * A list whose unusable entries are skipped. A non-empty list with none usable is not a list of
 * these at all (an error page, another API), so it breaks the contract.
 */
function tolerantList<T extends z.ZodType>(entry: T, none: string) {
  return z
    .array(entry.nullable().catch(null))
    .refine((entries) => entries.length === 0 || entries.some((item) => item !== null), { message: none })
    .transform((entries) => entries.filter((item): item is NonNullable<typeof item> => item !== null));
}

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
  protocol: optional(z.union([z.string(), z.number()])),
  downloadUrl: text,
  magnetUrl: text,
  infoHash: text,
  indexerFlags: texts,
  categories: categoryIds,
  /** The IMDb number alone (0 when unknown), as Prowlarr sends it; some builds send `tt…`. */
  imdbId: optional(z.union([z.number(), z.string()])),
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
