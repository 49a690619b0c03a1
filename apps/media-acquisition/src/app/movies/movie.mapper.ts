import type { MovieFileRow, MovieRow, TrackedDownloadRow } from '../db/schema';
import type { MovieDownloadResponse, MovieResponse } from './dto/movie.response';

export function toDownloadResponse(row: TrackedDownloadRow): MovieDownloadResponse {
  return {
    downloadId: row.downloadId,
    releaseTitle: row.releaseTitle,
    indexer: row.indexer,
    quality: row.quality,
    state: row.state,
    clientStatus: row.clientStatus ?? undefined,
    progress: row.progress,
    etaSeconds: row.etaSeconds ?? undefined,
    messages: row.messages,
    grabbedAt: row.grabbedAt.toISOString(),
  };
}

export function toMovieResponse(
  row: MovieRow,
  profileName: string,
  file?: MovieFileRow,
  download?: TrackedDownloadRow,
): MovieResponse {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    tmdbId: row.tmdbId ?? undefined,
    imdbId: row.imdbId ?? undefined,
    runtimeMinutes: row.runtimeMinutes ?? undefined,
    qualityProfile: profileName,
    status: row.status,
    monitored: row.monitored,
    file: file && {
      relativePath: file.relativePath,
      quality: file.quality,
      sizeBytes: file.sizeBytes,
      releaseTitle: file.releaseTitle,
      transfer: file.transfer,
      importedAt: file.importedAt.toISOString(),
    },
    download: download && toDownloadResponse(download),
    createdAt: row.createdAt.toISOString(),
  };
}
