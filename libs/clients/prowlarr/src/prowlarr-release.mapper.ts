import { DownstreamContractError } from '@keel/clients-core';
import { count, isRecord, nonEmptyText, text, texts } from './prowlarr-fields';
import type { Fields } from './prowlarr-fields';
import { PROWLARR } from './prowlarr.constants';
import type { ProwlarrRelease } from './prowlarr.types';

// Servarr's DownloadProtocol enum, which older builds serialise as numbers.
const PROTOCOL_NUMBERS: Readonly<Record<number, ProwlarrRelease['protocol']>> = {
  0: 'unknown',
  1: 'usenet',
  2: 'torrent',
};

/**
 * Reads `/api/v1/search`. A release is usable with a title; everything else defaults (size 0,
 * no flags, no categories, guid from its links). Unusable entries are skipped; an answer whose
 * entries are all unusable is a contract error, as is a body that is not an array.
 */
export function parseReleases(body: unknown): ProwlarrRelease[] {
  if (!Array.isArray(body)) throw new DownstreamContractError(PROWLARR, ['body: expected an array']);
  const usable = body.filter((item): item is Fields => isRecord(item) && nonEmptyText(item.title) !== undefined);
  if (body.length > 0 && usable.length === 0)
    throw new DownstreamContractError(PROWLARR, ['body: no release has a title']);
  return usable.map(toRelease);
}

function toRelease(r: Fields): ProwlarrRelease {
  const title = r.title as string;
  const indexerId = count(r.indexerId) ?? 0;
  const downloadUrl = text(r.downloadUrl);
  const magnetUrl = text(r.magnetUrl);
  const infoUrl = text(r.infoUrl);
  const infoHash = text(r.infoHash);
  const seeders = count(r.seeders);
  return {
    guid: nonEmptyText(r.guid) ?? downloadUrl ?? magnetUrl ?? infoUrl ?? `${indexerId}:${title}`,
    title,
    size: Math.max(0, count(r.size) ?? 0),
    indexerId,
    indexer: text(r.indexer) ?? (indexerId ? `Indexer ${indexerId}` : 'unknown'),
    publishDate: text(r.publishDate),
    ageHours: count(r.ageHours),
    seeders,
    leechers: count(r.leechers),
    protocol: protocolOf(r.protocol, magnetUrl !== undefined || infoHash !== undefined || seeders !== undefined),
    downloadUrl,
    magnetUrl,
    infoHash,
    indexerFlags: texts(r.indexerFlags),
    categories: categoriesOf(r.categories),
    imdbId: imdbIdOf(r.imdbId),
    // Prowlarr sends 0 when it does not know the id.
    tmdbId: count(r.tmdbId) || undefined,
    infoUrl,
  };
}

/** `torrent`/`usenet` in any case, Servarr's enum numbers, or inferred from torrent-only fields. */
function protocolOf(value: unknown, looksLikeTorrent: boolean): ProwlarrRelease['protocol'] {
  const named =
    typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' ? PROTOCOL_NUMBERS[value] : undefined;
  if (named === 'torrent' || named === 'usenet') return named;
  return looksLikeTorrent ? 'torrent' : 'unknown';
}

/** `IndexerCategory` objects (or bare ids, as some builds send) flattened to ids. */
function categoriesOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((category) => (isRecord(category) ? count(category.id) : count(category)))
    .filter((id): id is number => id !== undefined);
}

/** Prowlarr sends the IMDb number alone (0 when unknown); tolerate a `tt…` string too. */
function imdbIdOf(value: unknown): string | undefined {
  const digits =
    typeof value === 'number'
      ? value > 0
        ? String(Math.trunc(value))
        : undefined
      : typeof value === 'string'
        ? /^(?:tt)?(\d+)$/.exec(value.trim())?.[1]
        : undefined;
  return digits && Number(digits) > 0 ? `tt${digits.padStart(7, '0')}` : undefined;
}
