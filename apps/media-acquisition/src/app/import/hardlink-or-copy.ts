import { constants, promises as fsp } from 'node:fs';
import * as path from 'node:path';

export type TransferMode = 'hardlink' | 'copy';

/** Same shape as `fs.promises.link`; a seam so tests can simulate a second filesystem. */
export type LinkFunction = (existingPath: string, newPath: string) => Promise<void>;

// Errors that mean "no hard link here, but a copy will do": another filesystem (EXDEV), a filesystem or
// mount that refuses links, or protected_hardlinks (EPERM, ENOTSUP), an inode at its link limit (EMLINK).
// Anything else (ENOENT, EACCES on the folder, ENOSPC, EEXIST…) is a real failure and is rethrown.
const COPY_FALLBACK_CODES = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP']);

/**
 * Radarr's `HardLinkOrCopy`: link the source into place, else copy it. The source is never moved or
 * deleted because the torrent keeps seeding it.
 */
export async function hardlinkOrCopy(
  source: string,
  destination: string,
  link: LinkFunction = fsp.link,
): Promise<TransferMode> {
  try {
    await link(source, destination);
    return 'hardlink';
  } catch (error) {
    if (!COPY_FALLBACK_CODES.has(errorCode(error) ?? '')) throw error;
  }
  await copyViaPartial(source, destination);
  return 'copy';
}

export function partialPathFor(destination: string): string {
  return path.join(path.dirname(destination), `.${path.basename(destination)}.partial`);
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

// The copy lands under a hidden temporary name and is renamed into place only once complete and
// flushed, so a crash or power loss never leaves a truncated file under the final name (an import
// re-run treats a same-size file there as an earlier, finished copy).
async function copyViaPartial(source: string, destination: string): Promise<void> {
  const partial = partialPathFor(destination);
  // A leftover from a crashed attempt would make COPYFILE_EXCL fail on every retry. Callers run one
  // import per movie at a time, so a partial found here is never another live copy.
  await fsp.rm(partial, { force: true });
  try {
    await fsp.copyFile(source, partial, constants.COPYFILE_EXCL);
    await flushToDisk(partial);
    await fsp.rename(partial, destination);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
