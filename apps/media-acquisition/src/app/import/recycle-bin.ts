import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface RecycleBinOptions {
  /** `MEDIA_RECYCLE_BIN`; unset, discarded files are deleted. */
  path: string | undefined;
  /** `MEDIA_RECYCLE_BIN_CLEANUP_DAYS`: files older than this are emptied from the bin; 0 keeps them. */
  retentionDays: number;
}

/**
 * Radarr's recycle bin: a file that leaves the library (replaced by an upgrade, or deleted with its
 * movie) is moved into the bin, prefixed with the time, instead of being deleted; the bin is emptied
 * of files past the retention as others arrive. Without a bin, the file is deleted.
 */
export async function discardFile(file: string, bin: RecycleBinOptions): Promise<'recycled' | 'deleted'> {
  if (!bin.path) {
    await rm(file, { force: true });
    return 'deleted';
  }
  await mkdir(bin.path, { recursive: true });
  try {
    await rename(file, join(bin.path, `${Date.now()}-${basename(file)}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (bin.retentionDays > 0) await emptyOlderThan(bin.path, bin.retentionDays * 86_400_000);
  return 'recycled';
}

async function emptyOlderThan(bin: string, maxAgeMs: number): Promise<void> {
  const cutoff = Date.now() - maxAgeMs;
  for (const name of await readdir(bin)) {
    const file = join(bin, name);
    const info = await stat(file).catch(() => undefined);
    // The time the file was recycled is in its name; a file put there by hand falls back to its mtime.
    const recycledAt = Number(/^(\d{13})-/.exec(name)?.[1] ?? info?.mtimeMs ?? Date.now());
    if (info?.isFile() && recycledAt < cutoff) await rm(file, { force: true });
  }
}
