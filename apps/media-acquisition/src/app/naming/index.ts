export { buildMovieFileName, buildMovieFolderName, cleanFileName, formatQualityFull } from './movie-file-name.builder';
export type { NamingMovie, NamingQuality } from './movie-file-name.builder';
export { isSampleFile, isVideoFile } from './video-file.detector';
