import { join } from 'node:path';
import { MAX_DISK_BYTES, SAMPLE_BYTES } from './qbittorrent.constants';
import type { TorrentSource } from './qbittorrent.source';
import type { ContentLayout, TorrentFileEntry } from './qbittorrent.types';

export interface LayoutOptions {
  savePath: string;
  contentLayout: ContentLayout;
  /** Adds `Sample/<name>-sample.mkv`, so importers must learn to skip samples. */
  withSample: boolean;
}

export interface TorrentLayout {
  files: TorrentFileEntry[];
  contentPath: string;
}

const VIDEO_EXTENSION = /\.(mkv|mp4|avi|m4v|ts|wmv|mov)$/i;

/**
 * Where a torrent's files go. Magnets and single-file torrents get a release folder holding
 * `<name>.mkv` (plus a sample), the shape most movie releases have; multi-file torrents keep
 * their own paths. `NoSubfolder` drops the root folder, as qBittorrent does.
 */
export function layoutTorrent(source: TorrentSource, name: string, options: LayoutOptions): TorrentLayout {
  const folder = name.replace(VIDEO_EXTENSION, '');
  const planned =
    source.multiFiles === null
      ? synthesise(folder, VIDEO_EXTENSION.test(name) ? name : `${name}.mkv`, source.totalSize, options.withSample)
      : source.multiFiles;
  // A rename changes the display name only; a multi-file torrent keeps its own root folder.
  const rootFolder = source.multiFiles === null ? folder : rootOf(source.multiFiles[0].path);
  const noSubfolder = options.contentLayout === 'NoSubfolder';
  const files = planned.map(({ path, size }) => ({
    path: noSubfolder ? stripRoot(path) : path,
    size,
    diskSize: Math.min(size, MAX_DISK_BYTES),
    written: 0,
  }));
  const contentPath = !noSubfolder
    ? join(options.savePath, rootFolder)
    : files.length === 1
      ? join(options.savePath, files[0].path)
      : options.savePath;
  return { files, contentPath };
}

function synthesise(
  folder: string,
  mainFile: string,
  totalSize: number,
  withSample: boolean,
): { path: string; size: number }[] {
  const sampleSize = withSample ? Math.min(SAMPLE_BYTES, Math.floor(totalSize / 2)) : 0;
  const main = { path: join(folder, mainFile), size: totalSize - sampleSize };
  if (sampleSize === 0) return [main];
  return [main, { path: join(folder, 'Sample', `${folder}-sample.mkv`), size: sampleSize }];
}

function rootOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}

function stripRoot(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}
