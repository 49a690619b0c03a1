import { join } from 'node:path';
import { findQualityByName, UNKNOWN_QUALITY } from '../decision';
import type { QualityDefinition } from '../decision';
import type {
  HistoryRow,
  MovieFileRow,
  MovieRow,
  QualityProfileDefinition,
  QualityProfileRow,
  TrackedDownloadRow,
} from '../db/schema';
import { buildMovieFolderName } from '../naming/movie-file-name.builder';

/** Radarr's `Quality` resource. */
export function qualityResource(name: string) {
  const q: QualityDefinition = findQualityByName(name) ?? UNKNOWN_QUALITY;
  return {
    id: q.id,
    name: q.name,
    source: q.source === 'webdl' ? 'webdl' : q.source,
    resolution: q.resolution,
    modifier: q.modifier,
  };
}

function qualityModel(name: string, revisionVersion = 1, revisionReal = 0) {
  return {
    quality: qualityResource(name),
    revision: { version: revisionVersion, real: revisionReal, isRepack: false },
  };
}

/** Radarr lists a profile's qualities worst first; we store them best first, as people read them. */
export function toQualityProfileResource(
  profile: Pick<QualityProfileRow, 'name'> & QualityProfileDefinition,
  id: number,
) {
  const items = [...profile.items]
    .reverse()
    .map((item) => ({ quality: qualityResource(item.quality), items: [], allowed: item.allowed }));
  return {
    id,
    name: profile.name,
    upgradeAllowed: profile.upgradeAllowed,
    cutoff: qualityResource(profile.cutoff).id,
    items,
    minFormatScore: 0,
    cutoffFormatScore: 0,
    minUpgradeFormatScore: 0,
    formatItems: [],
    language: { id: 1, name: 'English' },
  };
}

export interface MovieResourceContext {
  id: number;
  profileId: number;
  libraryRoot: string;
  file?: MovieFileRow;
}

export function toMovieResource(row: MovieRow, { id, profileId, libraryRoot, file }: MovieResourceContext) {
  const folderName = buildMovieFolderName({ title: row.title, year: row.year });
  return {
    id,
    title: row.title,
    originalTitle: row.title,
    sortTitle: row.title.toLowerCase(),
    sizeOnDisk: file?.sizeBytes ?? 0,
    status: 'released',
    overview: '',
    images: [],
    year: row.year,
    path: join(libraryRoot, folderName),
    qualityProfileId: profileId,
    hasFile: file !== undefined,
    movieFileId: 0,
    monitored: row.monitored,
    minimumAvailability: 'released',
    isAvailable: true,
    folderName,
    runtime: row.runtimeMinutes ?? 0,
    cleanTitle: row.title.toLowerCase().replace(/[^a-z0-9]/g, ''),
    imdbId: row.imdbId ?? undefined,
    tmdbId: row.tmdbId ?? 0,
    titleSlug: row.tmdbId ? String(row.tmdbId) : row.id,
    rootFolderPath: libraryRoot,
    genres: [],
    tags: [],
    added: row.createdAt.toISOString(),
    ratings: {},
    popularity: 0,
    ...(file
      ? {
          movieFile: {
            relativePath: file.relativePath,
            size: file.sizeBytes,
            dateAdded: file.importedAt.toISOString(),
            quality: qualityModel(file.quality, file.revisionVersion, file.revisionReal),
          },
        }
      : {}),
  };
}

/** A movie TMDB knows that is not in the library yet: what `movie/lookup` answers, without an id. */
export function toLookupResource(
  movie: { tmdbId: number; title: string; year: number; runtime?: number; imdbId?: string; overview?: string },
  libraryRoot: string,
) {
  const folderName = buildMovieFolderName({ title: movie.title, year: movie.year });
  return {
    title: movie.title,
    originalTitle: movie.title,
    sortTitle: movie.title.toLowerCase(),
    status: 'released',
    overview: movie.overview ?? '',
    images: [],
    year: movie.year,
    monitored: false,
    minimumAvailability: 'released',
    isAvailable: true,
    folderName,
    runtime: movie.runtime ?? 0,
    cleanTitle: movie.title.toLowerCase().replace(/[^a-z0-9]/g, ''),
    imdbId: movie.imdbId,
    tmdbId: movie.tmdbId,
    titleSlug: String(movie.tmdbId),
    rootFolderPath: libraryRoot,
    genres: [],
    tags: [],
    ratings: {},
    popularity: 0,
  };
}

const QUEUE_STATUS: Record<string, string> = {
  Queued: 'queued',
  Downloading: 'downloading',
  Paused: 'paused',
  Completed: 'completed',
  Warning: 'warning',
  Failed: 'failed',
};

export function toQueueResource(row: TrackedDownloadRow, id: number, movieId: number) {
  const sizeleft = Math.max(0, Math.round(row.sizeBytes * (1 - row.progress)));
  return {
    id,
    movieId,
    languages: [],
    quality: qualityModel(row.quality, row.revisionVersion, row.revisionReal),
    customFormats: [],
    customFormatScore: 0,
    size: row.sizeBytes,
    title: row.releaseTitle,
    sizeleft,
    ...(row.etaSeconds !== null && row.etaSeconds !== undefined
      ? {
          timeleft: new Date(row.etaSeconds * 1000).toISOString().slice(11, 19),
          estimatedCompletionTime: new Date(Date.now() + row.etaSeconds * 1000).toISOString(),
        }
      : {}),
    added: row.grabbedAt.toISOString(),
    status: QUEUE_STATUS[row.clientStatus ?? ''] ?? 'downloading',
    trackedDownloadStatus: row.state === 'importBlocked' || row.state === 'failedPending' ? 'warning' : 'ok',
    trackedDownloadState:
      row.state === 'importBlocked'
        ? 'importBlocked'
        : row.state === 'importPending' || row.state === 'importing'
          ? row.state
          : 'downloading',
    statusMessages: row.messages.map((message) => ({ title: row.releaseTitle, messages: [message] })),
    downloadId: row.downloadId,
    protocol: 'torrent',
    downloadClient: 'qBittorrent',
    downloadClientHasPostImportCategory: false,
    indexer: row.indexer,
    ...(row.outputPath ? { outputPath: row.outputPath } : {}),
  };
}

/** Our history events by the name Radarr's MovieHistoryEventType gives them. */
const EVENT_TYPES: Record<string, string> = {
  grabbed: 'grabbed',
  imported: 'downloadFolderImported',
  importBlocked: 'downloadFailed',
  downloadFailed: 'downloadFailed',
  downloadIgnored: 'downloadIgnored',
};

export function toHistoryResource(row: HistoryRow, id: number, movieId: number) {
  return {
    id,
    movieId,
    sourceTitle: row.sourceTitle,
    languages: [],
    quality: qualityModel(row.quality ?? 'Unknown'),
    customFormats: [],
    customFormatScore: 0,
    qualityCutoffNotMet: false,
    date: row.date.toISOString(),
    ...(row.downloadId ? { downloadId: row.downloadId } : {}),
    eventType: EVENT_TYPES[row.event] ?? 'unknown',
    data: Object.fromEntries(
      Object.entries(row.data).map(([key, value]) => [
        key,
        value === null || value === undefined ? null : String(value),
      ]),
    ),
  };
}
