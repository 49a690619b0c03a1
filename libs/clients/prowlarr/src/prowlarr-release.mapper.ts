import type { ProwlarrReleaseResource } from './prowlarr.schemas';
import type { ProwlarrRelease } from './prowlarr.types';

// Servarr's DownloadProtocol enum, which older builds serialise as numbers.
const PROTOCOL_NUMBERS: Readonly<Record<number, ProwlarrRelease['protocol']>> = {
  0: 'unknown',
  1: 'usenet',
  2: 'torrent',
};

/**
 * A release as acquisition reads it: everything but the title defaults (size 0, no flags, no
 * categories, guid from its links, protocol from torrent-only fields).
 */
export function toRelease(r: ProwlarrReleaseResource): ProwlarrRelease {
  const indexerId = r.indexerId ?? 0;
  const looksLikeTorrent = r.magnetUrl !== undefined || r.infoHash !== undefined || r.seeders !== undefined;
  return {
    guid: r.guid ?? r.downloadUrl ?? r.magnetUrl ?? r.infoUrl ?? `${indexerId}:${r.title}`,
    title: r.title,
    size: Math.max(0, r.size ?? 0),
    indexerId,
    indexer: r.indexer ?? (indexerId ? `Indexer ${indexerId}` : 'unknown'),
    publishDate: r.publishDate,
    ageHours: r.ageHours,
    seeders: r.seeders,
    leechers: r.leechers,
    protocol: protocolOf(r.protocol, looksLikeTorrent),
    downloadUrl: r.downloadUrl,
    magnetUrl: r.magnetUrl,
    infoHash: r.infoHash,
    indexerFlags: r.indexerFlags,
    categories: r.categories,
    imdbId: imdbIdOf(r.imdbId),
    // Prowlarr sends 0 when it does not know the id.
    tmdbId: r.tmdbId || undefined,
    infoUrl: r.infoUrl,
  };
}

/** `torrent`/`usenet` in any case, Servarr's enum numbers, or inferred from torrent-only fields. */
function protocolOf(value: string | number | undefined, looksLikeTorrent: boolean): ProwlarrRelease['protocol'] {
  const named = typeof value === 'string' ? value.toLowerCase() : value === undefined ? value : PROTOCOL_NUMBERS[value];
  if (named === 'torrent' || named === 'usenet') return named;
  return looksLikeTorrent ? 'torrent' : 'unknown';
}

/** Prowlarr sends the IMDb number alone (0 when unknown); tolerate a `tt…` string too. */
function imdbIdOf(value: string | number | undefined): string | undefined {
  const digits =
    typeof value === 'number'
      ? value > 0
        ? String(Math.trunc(value))
        : undefined
      : value === undefined
        ? undefined
        : /^(?:tt)?(\d+)$/.exec(value.trim())?.[1];
  return digits && Number(digits) > 0 ? `tt${digits.padStart(7, '0')}` : undefined;
}
