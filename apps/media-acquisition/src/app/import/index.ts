export { MovieFileImporter, MOVIE_FILE_IMPORTER_OPTIONS, type MovieFileImporterOptions } from './movie-file.importer';
export type {
  BlockedOutcome,
  ImportBlockReason,
  ImportedOutcome,
  ImportOutcome,
  ImportRequest,
} from './import-outcome';
export { hardlinkOrCopy, type LinkFunction, type TransferMode } from './hardlink-or-copy';
export { importCandidates, pickMainVideoFile } from './import-candidates';
export { listContentFiles, type ContentFile } from './content-walker';
