import { MOVIE_CATEGORIES } from './prowlarr.constants';
import type { ProwlarrIndexerSeed } from './prowlarr-indexers.seed';
import { PROWLARR_MOVIES, type ProwlarrMovieSeed, type ProwlarrReleaseSeed } from './prowlarr-releases.seed';
import { titleWords } from './prowlarr.query';
import { buildTorrent, magnetInfoHash } from './prowlarr.torrent';

/** A release as the emulator serves it: a seed's fields, without the seed's key into PROWLARR_MOVIES. */
export type ReleaseFields = Omit<ProwlarrReleaseSeed, 'movie' | 'guidOf'>;

/** A seeded or published release with everything derived once. */
export interface CatalogueEntry {
  seed: ReleaseFields;
  indexer: ProwlarrIndexerSeed;
  /** What the indexer knows of the movie; a release published without ids knows none (Prowlarr sends 0). */
  movie: Partial<ProwlarrMovieSeed>;
  guid: string;
  infoHash: string;
  /** The `.torrent` bytes, for `torrent` releases only. */
  torrent?: Buffer;
  /** The `link` parameter of the proxy URL. */
  link: string;
  words: ReadonlySet<string>;
}

export interface Catalogue {
  entries: readonly CatalogueEntry[];
  byLink: ReadonlyMap<string, CatalogueEntry>;
  indexers: ReadonlyMap<number, ProwlarrIndexerSeed>;
}

export function buildCatalogue(
  indexers: readonly ProwlarrIndexerSeed[],
  releases: readonly ProwlarrReleaseSeed[],
): Catalogue {
  const indexerById = new Map(indexers.map((indexer) => [indexer.id, indexer]));
  const guids = new Map<string, string>();
  const entries = releases.map((seed): CatalogueEntry => {
    const indexer = indexerById.get(seed.indexerId);
    if (indexer === undefined)
      throw new Error(`Prowlarr seed: release ${seed.key} names unknown indexer ${seed.indexerId}`);
    const entry = catalogueEntry(seed, indexer, PROWLARR_MOVIES[seed.movie]);
    const guid = seed.guidOf !== undefined ? guids.get(seed.guidOf) : entry.guid;
    if (guid === undefined)
      throw new Error(`Prowlarr seed: release ${seed.key} mirrors ${seed.guidOf}, which is not seeded before it`);
    guids.set(seed.key, guid);
    return { ...entry, guid };
  });
  return { entries, byLink: new Map(entries.map((entry) => [entry.link, entry])), indexers: indexerById };
}

/** A `ReleaseResource` as Prowlarr serialises it: camelCase, null properties left out. */
export function releaseResource(
  entry: CatalogueEntry,
  origin: string,
  apiKey: string,
  now: number,
): Record<string, unknown> {
  const { seed, indexer, movie } = entry;
  const proxy =
    `${origin}/${indexer.id}/download?apikey=${encodeURIComponent(apiKey)}` +
    `&link=${entry.link}&file=${encodeURIComponent(seed.title)}`;
  const ageMinutes = Math.max(0, (now - Date.parse(seed.publishDate)) / 60_000);
  // TPB hands out magnets only; the other trackers offer a download link that may redirect to one.
  const downloadUrl = seed.kind === 'torrent' || indexer.servesTorrentFiles ? proxy : undefined;
  const magnetUrl = seed.kind === 'magnet' ? proxy : undefined;
  return {
    guid: entry.guid,
    age: Math.floor(ageMinutes / 1440),
    ageHours: round2(ageMinutes / 60),
    ageMinutes: round2(ageMinutes),
    size: seed.size,
    grabs: seed.grabs,
    indexerId: indexer.id,
    indexer: indexer.name,
    title: seed.title,
    sortTitle: titleWords(seed.title).join(' '),
    imdbId: movie.imdbId === undefined ? 0 : Number(movie.imdbId.slice(2)),
    tmdbId: movie.tmdbId ?? 0,
    tvdbId: 0,
    tvMazeId: 0,
    publishDate: seed.publishDate,
    ...(downloadUrl !== undefined && { downloadUrl }),
    infoUrl: entry.guid,
    indexerFlags: seed.indexerFlags,
    categories: seed.categories.map((id) => ({ id, name: MOVIE_CATEGORIES[id], subCategories: [] })),
    ...(magnetUrl !== undefined && { magnetUrl }),
    infoHash: entry.infoHash,
    seeders: seed.seeders,
    leechers: seed.leechers,
    protocol: 'torrent',
    fileName: `${seed.title}.torrent`,
  };
}

/** The entry for a release published on an indexer's feed after start-up (`POST /_sandbox/prowlarr/feed`). */
export function catalogueEntry(
  seed: ReleaseFields,
  indexer: ProwlarrIndexerSeed,
  movie: Partial<ProwlarrMovieSeed>,
): CatalogueEntry {
  const torrent = seed.kind === 'torrent' ? buildTorrent(seed) : undefined;
  const guid = `${indexer.baseUrl}torrent/${seed.trackerId}/${slug(seed.title)}/`;
  return {
    seed,
    indexer,
    movie,
    guid,
    infoHash: torrent?.infoHash ?? magnetInfoHash(seed),
    torrent: torrent?.file,
    link: Buffer.from(`${seed.indexerId}:${seed.key}`).toString('base64url'),
    words: new Set(titleWords(seed.title)),
  };
}

function slug(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
