import * as path from 'node:path';
import { isSampleFile, isVideoFile } from '../naming';
import type { ContentFile } from './content-walker';

/**
 * The video files of a download that may be the movie, largest first: samples are dropped, nothing
 * else is. Sample detection (a sample marker and a size far below the largest file) belongs to naming;
 * it is compared with the largest file of any kind, so the sample next to an unextracted archive is
 * not imported as the movie.
 */
export function importCandidates(files: readonly ContentFile[], contentRoot: string): ContentFile[] {
  const largest = files.reduce((max, file) => Math.max(max, file.size), 0);
  return (
    files
      .filter((file) => isVideoFile(path.basename(file.path)))
      // Relative to the content root, so a download or library path that happens to contain a "Sample"
      // folder does not make every file of the download look like a sample.
      .filter((file) => !isSampleFile(path.relative(contentRoot, file.path), file.size, largest))
      .sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))
  );
}

/** Radarr keeps the best file per movie; with one quality per download, that is the largest. */
export function pickMainVideoFile(files: readonly ContentFile[], contentRoot: string): ContentFile | undefined {
  return importCandidates(files, contentRoot)[0];
}
