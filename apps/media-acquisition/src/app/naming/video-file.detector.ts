import { basename, dirname, extname } from 'node:path';

// Radarr's `MediaFileExtensions` minus playlist/metadata/container-fragment types (.m3u, .ifo, .bin, .dat, .wpl, .strm)
// that would otherwise be "imported" as the movie.
const VIDEO_EXTENSIONS = new Set([
  '.mkv',
  '.mk3d',
  '.mp4',
  '.m4v',
  '.avi',
  '.ts',
  '.m2ts',
  '.mts',
  '.wmv',
  '.mov',
  '.mpg',
  '.mpeg',
  '.m2v',
  '.vob',
  '.iso',
  '.img',
  '.webm',
  '.flv',
  '.ogv',
  '.ogm',
  '.divx',
  '.xvid',
  '.wtv',
  '.3gp',
  '.asf',
  '.rm',
  '.rmvb',
  '.dvr-ms',
]);

// Disc images and stream files are whole titles by construction (`DetectSample.cs`).
const NEVER_SAMPLE_EXTENSIONS = new Set(['.iso', '.img', '.m2ts', '.flv', '.strm']);
const SAMPLE_NAME = /(^|[-._ [(])sample([-._ \])]|$)/i;
const SAMPLE_FOLDER = /^samples?$/i;
/** A sample is a minute or two of a feature: a file over this share of the largest one is treated as the real thing. */
const SAMPLE_MAX_SHARE_OF_LARGEST = 0.3;

export function isVideoFile(name: string): boolean {
  return VIDEO_EXTENSIONS.has(extname(name).toLowerCase());
}

/**
 * Radarr measures runtime with ffprobe; without media info we use the name plus size relative to the largest file of
 * the download, so a movie literally called "Sample" (the largest file) is still imported.
 */
export function isSampleFile(path: string, size: number, largestSize: number): boolean {
  if (NEVER_SAMPLE_EXTENSIONS.has(extname(path).toLowerCase())) return false;
  const file = basename(path, extname(path));
  const looksLikeSample = SAMPLE_NAME.test(file) || SAMPLE_FOLDER.test(basename(dirname(path)));
  return looksLikeSample && size < largestSize * SAMPLE_MAX_SHARE_OF_LARGEST;
}
