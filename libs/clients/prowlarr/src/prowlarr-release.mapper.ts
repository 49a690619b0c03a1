import { DownstreamContractError, shapeViolations } from '@keel/clients-core';
import { PROWLARR } from './prowlarr.constants';
import type { ProwlarrRelease } from './prowlarr.types';

type Shape = Parameters<typeof shapeViolations>[1];

const REQUIRED: Shape = { guid: 'string', title: 'string', size: 'number', indexerId: 'number', indexer: 'string', publishDate: 'string', protocol: 'string' };
// Prowlarr leaves null properties out, so these are checked only when present.
const OPTIONAL: Shape = {
  ageHours: 'number',
  seeders: 'number',
  leechers: 'number',
  downloadUrl: 'string',
  magnetUrl: 'string',
  infoHash: 'string',
  indexerFlags: 'string[]',
  categories: 'array',
  imdbId: 'number',
  tmdbId: 'number',
  infoUrl: 'string',
};
const PROTOCOLS = new Set(['torrent', 'usenet', 'unknown']);

/** Checks `/api/v1/search`'s body and maps it; every violation across all results is reported at once. */
export function parseReleases(body: unknown): ProwlarrRelease[] {
  if (!Array.isArray(body)) throw new DownstreamContractError(PROWLARR, ['body: expected an array']);
  const violations = body.flatMap((item, i) => releaseViolations(item, `body[${i}]`));
  if (violations.length > 0) throw new DownstreamContractError(PROWLARR, violations);
  return body.map((item) => toRelease(item as Record<string, unknown>));
}

function releaseViolations(item: unknown, where: string): string[] {
  const required = shapeViolations(item, REQUIRED, where);
  if (required.length > 0) return required;
  const record = item as Record<string, unknown>;
  const present = Object.fromEntries(Object.entries(OPTIONAL).filter(([field]) => record[field] !== undefined && record[field] !== null));
  const violations = shapeViolations(item, present, where);
  if (!PROTOCOLS.has(record.protocol as string)) violations.push(`${where}.protocol: expected torrent, usenet or unknown, got ${String(record.protocol)}`);
  const categories = (record.categories as unknown[] | undefined) ?? [];
  categories.forEach((category, i) => violations.push(...shapeViolations(category, { id: 'number' }, `${where}.categories[${i}]`)));
  return violations;
}

function toRelease(r: Record<string, unknown>): ProwlarrRelease {
  const optional = <T>(value: unknown): T | undefined => (value === null || value === undefined ? undefined : (value as T));
  const imdb = optional<number>(r.imdbId);
  const tmdb = optional<number>(r.tmdbId);
  return {
    guid: r.guid as string,
    title: r.title as string,
    size: r.size as number,
    indexerId: r.indexerId as number,
    indexer: r.indexer as string,
    publishDate: r.publishDate as string,
    ageHours: optional(r.ageHours),
    seeders: optional(r.seeders),
    leechers: optional(r.leechers),
    protocol: r.protocol as ProwlarrRelease['protocol'],
    downloadUrl: optional(r.downloadUrl),
    magnetUrl: optional(r.magnetUrl),
    infoHash: optional(r.infoHash),
    indexerFlags: optional<string[]>(r.indexerFlags) ?? [],
    categories: (optional<{ id: number }[]>(r.categories) ?? []).map((category) => category.id),
    // Prowlarr sends the IMDb number alone, 0 when unknown.
    imdbId: imdb ? `tt${String(imdb).padStart(7, '0')}` : undefined,
    tmdbId: tmdb || undefined,
    infoUrl: optional(r.infoUrl),
  };
}
