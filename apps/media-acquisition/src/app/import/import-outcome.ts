import type { TransferMode } from './hardlink-or-copy';

export interface ImportRequest {
  /** A file or a folder, as qBittorrent reports `content_path`. */
  contentPath: string;
  libraryRoot: string;
  movie: { title: string; year: number };
  quality: { name: string };
  revision: { version: number; real: number };
}

export interface ImportedOutcome {
  kind: 'imported';
  /** Absolute destination. */
  path: string;
  /** Destination relative to `libraryRoot`. */
  relativePath: string;
  size: number;
  mode: TransferMode;
  /** The file was already in place from an earlier run of the same import. */
  alreadyPresent: boolean;
}

export type ImportBlockReason = 'contentMissing' | 'noVideoFile' | 'destinationExists' | 'libraryRootMissing';

export interface BlockedOutcome {
  kind: 'blocked';
  reason: ImportBlockReason;
  message: string;
}

export type ImportOutcome = ImportedOutcome | BlockedOutcome;

export function blocked(reason: ImportBlockReason, message: string): BlockedOutcome {
  return { kind: 'blocked', reason, message };
}
