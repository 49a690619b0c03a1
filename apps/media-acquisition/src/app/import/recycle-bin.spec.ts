import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discardFile } from './recycle-bin';

describe(discardFile.name, () => {
  let root: string;
  const file = (name: string) => {
    const path = join(root, 'library', name);
    mkdirSync(join(root, 'library'), { recursive: true });
    writeFileSync(path, 'movie');
    return path;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'keel-recycle-'));
  });

  it('moves the file into the bin, prefixed with the time', async () => {
    // Arrange
    const movie = file('Arrival (2016) WEBDL-720p.mkv');

    // Act
    const how = await discardFile(movie, { path: join(root, 'bin'), retentionDays: 7 });

    // Assert
    expect(how).toBe('recycled');
    expect(existsSync(movie)).toBe(false);
    expect(readdirSync(join(root, 'bin'))).toEqual([
      expect.stringMatching(/^\d{13}-Arrival \(2016\) WEBDL-720p\.mkv$/),
    ]);
  });

  it('deletes the file when there is no bin', async () => {
    // Arrange
    const movie = file('Dune (2021).mkv');

    // Act
    const how = await discardFile(movie, { path: undefined, retentionDays: 7 });

    // Assert
    expect(how).toBe('deleted');
    expect(existsSync(movie)).toBe(false);
  });

  it('empties files past the retention from the bin, and keeps the recent ones', async () => {
    // Arrange
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const old = `${Date.now() - 8 * 86_400_000}-Old (2001).mkv`;
    const recent = `${Date.now() - 86_400_000}-Recent (2002).mkv`;
    writeFileSync(join(bin, old), 'x');
    writeFileSync(join(bin, recent), 'x');

    // Act
    await discardFile(file('New (2003).mkv'), { path: bin, retentionDays: 7 });

    // Assert
    const left = readdirSync(bin);
    expect(left).not.toContain(old);
    expect(left).toContain(recent);
    expect(left).toHaveLength(2);
  });

  it('is not bothered by a file that is already gone', async () => {
    // Act
    const how = await discardFile(join(root, 'library', 'missing.mkv'), { path: join(root, 'bin'), retentionDays: 0 });

    // Assert
    expect(how).toBe('recycled');
  });
});
