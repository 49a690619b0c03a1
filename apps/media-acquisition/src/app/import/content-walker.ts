import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface ContentFile {
  /** Absolute path. */
  path: string;
  size: number;
}

// Torrent layouts are one or two folders deep (Movie/, Movie/Sample/, Movie/Subs/). The bound only
// stops a pathological tree from turning an import into a full disk walk.
export const DEFAULT_MAX_DEPTH = 6;

/**
 * Every regular file under `root`, recursively up to `maxDepth` folder levels below it. Symbolic
 * links are skipped, both files and folders: a link can leave the download folder or loop, and a hard
 * link to a symlink would point at the link, not at the content.
 */
export async function listContentFiles(root: string, maxDepth = DEFAULT_MAX_DEPTH): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  await walk(root, 0, maxDepth, files);
  return files;
}

async function walk(folder: string, depth: number, maxDepth: number, files: ContentFile[]): Promise<void> {
  const entries = await fsp.readdir(folder, { withFileTypes: true });
  const subfolders: string[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        subfolders.push(entryPath);
      } else if (entry.isFile()) {
        const stat = await fsp.lstat(entryPath);
        files.push({ path: entryPath, size: stat.size });
      }
    }),
  );
  if (depth >= maxDepth) return;
  for (const subfolder of subfolders) {
    await walk(subfolder, depth + 1, maxDepth, files);
  }
}
