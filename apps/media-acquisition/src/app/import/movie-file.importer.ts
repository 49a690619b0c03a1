import { Inject, Injectable, Optional } from '@nestjs/common';
import { promises as fsp, type Stats } from 'node:fs';
import * as path from 'node:path';
import { buildMovieFileName, buildMovieFolderName, isVideoFile } from '../naming';
import { type ContentFile, DEFAULT_MAX_DEPTH, listContentFiles } from './content-walker';
import { errorCode, hardlinkOrCopy, type LinkFunction, type TransferMode } from './hardlink-or-copy';
import { pickMainVideoFile } from './import-candidates';
import { blocked, type ImportOutcome, type ImportRequest } from './import-outcome';

export const MOVIE_FILE_IMPORTER_OPTIONS = 'KEEL:MOVIE_FILE_IMPORTER_OPTIONS';

export interface MovieFileImporterOptions {
  /** Defaults to `fs.promises.link`; tests inject a failing one to stand in for a second filesystem. */
  link?: LinkFunction;
  /** How many folder levels below the content folder are searched for the video file. */
  maxDepth?: number;
}

/**
 * Places a finished download in the library the way Radarr does for a seeding torrent: the best video
 * file is hard-linked (or copied) to `<root>/<Movie Title (Year)>/<Movie Title (Year) Quality>.<ext>`.
 * Expected refusals come back as `blocked`; unexpected I/O errors are thrown so the caller can retry.
 * Re-running an import that already happened returns `alreadyPresent` instead of copying again.
 */
@Injectable()
export class MovieFileImporter {
  private readonly link: LinkFunction;
  private readonly maxDepth: number;

  constructor(@Optional() @Inject(MOVIE_FILE_IMPORTER_OPTIONS) options?: MovieFileImporterOptions) {
    this.link = options?.link ?? fsp.link;
    this.maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  async import(request: ImportRequest): Promise<ImportOutcome> {
    const root = path.resolve(request.libraryRoot);
    // Radarr never creates a root folder during an import: a missing one usually means an unmounted disk.
    if (!(await statIfExists(root))?.isDirectory()) {
      return blocked('libraryRootMissing', `Root folder ${root} is missing or not a folder`);
    }
    const contentPath = path.resolve(request.contentPath);
    const content = await statIfExists(contentPath);
    if (!content) return blocked('contentMissing', `Downloaded content ${contentPath} does not exist`);

    const source = await this.findMainVideoFile(contentPath, content);
    if (!source) return blocked('noVideoFile', `No video file found in ${contentPath}`);
    return this.place(source.path, this.destinationFor(request, root, source.path), root);
  }

  private async findMainVideoFile(contentPath: string, content: Stats): Promise<ContentFile | undefined> {
    if (content.isDirectory()) {
      return pickMainVideoFile(await listContentFiles(contentPath, this.maxDepth), contentPath);
    }
    return content.isFile() && isVideoFile(path.basename(contentPath))
      ? { path: contentPath, size: content.size }
      : undefined;
  }

  private destinationFor(request: ImportRequest, root: string, sourcePath: string): string {
    const folder = buildMovieFolderName(request.movie);
    const quality = { name: request.quality.name, revision: request.revision };
    const file = buildMovieFileName(request.movie, quality, path.extname(sourcePath));
    return path.join(root, folder, file);
  }

  private async place(source: string, destination: string, root: string): Promise<ImportOutcome> {
    const sourceStat = await fsp.stat(source);
    const earlier = await this.earlierImport(sourceStat, destination, root);
    if (earlier) return earlier;

    await fsp.mkdir(path.dirname(destination), { recursive: true });
    try {
      const mode = await hardlinkOrCopy(source, destination, this.link);
      return imported(destination, root, sourceStat.size, mode, false);
    } catch (error) {
      // Something appeared at the destination between the check and the link: judge it like any other.
      const raced = errorCode(error) === 'EEXIST' ? await this.earlierImport(sourceStat, destination, root) : undefined;
      if (raced) return raced;
      throw error;
    }
  }

  /** What is already at the destination: this import's own earlier result, a conflict, or nothing. */
  private async earlierImport(source: Stats, destination: string, root: string): Promise<ImportOutcome | undefined> {
    const existing = await statIfExists(destination, 'lstat');
    if (!existing) return undefined;
    if (existing.dev === source.dev && existing.ino === source.ino) {
      return imported(destination, root, source.size, 'hardlink', true);
    }
    // Copies are renamed into place only once complete, so a same-size regular file is a finished copy.
    if (existing.isFile() && existing.size === source.size) {
      return imported(destination, root, source.size, 'copy', true);
    }
    return blocked('destinationExists', `Destination already exists: ${path.relative(root, destination)}`);
  }
}

function imported(
  destination: string,
  root: string,
  size: number,
  mode: TransferMode,
  alreadyPresent: boolean,
): ImportOutcome {
  return {
    kind: 'imported',
    path: destination,
    relativePath: path.relative(root, destination),
    size,
    mode,
    alreadyPresent,
  };
}

async function statIfExists(target: string, how: 'stat' | 'lstat' = 'stat'): Promise<Stats | undefined> {
  try {
    return await fsp[how](target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}
