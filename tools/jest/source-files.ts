import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, where apps/, libs/ and tools/ live. */
export const ROOT = join(__dirname, '..', '..');

/** Every file under `dir`, recursively, skipping what installs and builds write (node_modules, dist, tmp). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'tmp') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}
