import type { Counter } from 'prom-client';
import type { ProwlarrIndexer, ProwlarrRelease } from '@keel/clients-prowlarr';
import { readMediaConfig } from './config/media.config';
import type { MediaConfig } from './config/media.config';
import type { MovieFileRow, MovieRow, QualityProfileRow } from './db/schema';
import { decide, DEFAULT_QUALITY_PROFILE } from './decision';
import type { ReleaseSearchResult } from './search/release-search.service';

/** Shared builders for media-acquisition's unit specs: override only what a test is about. */

/** The configuration a start with no MEDIA_* variables gets, with `overrides`. */
export function aMediaConfig(overrides: Partial<MediaConfig> = {}): MediaConfig {
  return { ...readMediaConfig({}), libraryRoot: '/library', ...overrides };
}

export const PROFILE_ID = 'p1';

export function aMovie(overrides: Partial<MovieRow> = {}): MovieRow {
  const at = new Date(0);
  return {
    id: 'm1',
    title: 'Dune',
    year: 2021,
    tmdbId: 438631,
    imdbId: 'tt1160419',
    runtimeMinutes: 155,
    qualityProfileId: PROFILE_ID,
    status: 'wanted',
    monitored: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** The default profile (HD-1080p) as its row is stored: best quality first. */
export function aProfileRow(overrides: Partial<QualityProfileRow> = {}): QualityProfileRow {
  const { name, ...engine } = DEFAULT_QUALITY_PROFILE;
  return {
    id: PROFILE_ID,
    name,
    definition: { ...engine, items: [...engine.items].reverse() },
    createdAt: new Date(0),
    ...overrides,
  };
}

export function aMovieFile(overrides: Partial<MovieFileRow> = {}): MovieFileRow {
  return {
    id: 'f1',
    movieId: 'm1',
    downloadId: 'OLD',
    relativePath: 'Dune (2021)/Dune (2021) HDTV-720p.mkv',
    sizeBytes: 4,
    quality: 'HDTV-720p',
    revisionVersion: 1,
    revisionReal: 0,
    releaseTitle: 'Dune.2021.720p.HDTV.x264',
    transfer: 'hardlink',
    importedAt: new Date(0),
    ...overrides,
  };
}

let nextGuid = 1;

/** A healthy torrent as Prowlarr lists it. */
export function aProwlarrRelease(overrides: Partial<ProwlarrRelease> = {}): ProwlarrRelease {
  const n = nextGuid++;
  return {
    guid: `https://indexer.test/${n}`,
    title: 'Dune.2021.1080p.BluRay.x264-SPARKS',
    size: 8 * 1024 ** 3,
    indexerId: 1,
    indexer: 'TestTracker',
    seeders: 50,
    leechers: 5,
    protocol: 'torrent',
    downloadUrl: `http://prowlarr.test/1/download?link=${n}`,
    indexerFlags: [],
    categories: [2000],
    ...overrides,
  };
}

export function anIndexer(overrides: Partial<ProwlarrIndexer> = {}): ProwlarrIndexer {
  return {
    id: 1,
    name: 'TestTracker',
    enable: true,
    priority: 25,
    protocol: 'torrent',
    privacy: 'public',
    supportsSearch: true,
    supportsRss: true,
    ...overrides,
  };
}

/** A prom-client counter that remembers what it counted, by its labels. */
export function aCounter<L extends string = string>(): Counter<L> & { counted: Record<string, string>[] } {
  const counted: Record<string, string>[] = [];
  return {
    counted,
    inc: (labels?: Record<string, string> | number) => counted.push(typeof labels === 'object' ? labels : {}),
  } as unknown as Counter<L> & { counted: Record<string, string>[] };
}

/** The decision engine's verdicts on `releases` for Dune (2021) under the default profile, best first. */
export function decisionsOn(releases: readonly ProwlarrRelease[]): ReleaseSearchResult {
  const movie = aMovie();
  return {
    decisions: decide(
      releases.map((release) => ({ ...release, indexerPriority: 25 })),
      { title: movie.title, year: movie.year, imdbId: movie.imdbId ?? undefined, runtimeMinutes: 155 },
      DEFAULT_QUALITY_PROFILE,
      { blocklist: [] },
    ),
    indexers: [],
    degraded: false,
  };
}
