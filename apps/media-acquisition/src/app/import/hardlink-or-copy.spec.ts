import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hardlinkOrCopy, type LinkFunction, partialPathFor } from './hardlink-or-copy';

function failingLink(code: string): LinkFunction {
  return async () => {
    throw Object.assign(new Error(`${code}: link failed`), { code });
  };
}

describe(hardlinkOrCopy.name, () => {
  let tmp: string;
  let source: string;
  let destination: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-transfer-'));
    source = path.join(tmp, 'source.mkv');
    destination = path.join(tmp, 'Movie (2000) Bluray-1080p.mkv');
    fs.writeFileSync(source, Buffer.from('movie bytes '.repeat(100)));
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('makes a hard link when it can', async () => {
    // Act
    const mode = await hardlinkOrCopy(source, destination);

    // Assert
    expect(mode).toBe('hardlink');
    expect(fs.statSync(destination).ino).toBe(fs.statSync(source).ino);
    expect(fs.statSync(source).nlink).toBe(2);
  });

  it.each(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP'])('falls back to a copy on %s', async (code) => {
    // Act
    const mode = await hardlinkOrCopy(source, destination, failingLink(code));

    // Assert
    expect(mode).toBe('copy');
    expect(fs.statSync(destination).nlink).toBe(1);
    expect(fs.readFileSync(destination).equals(fs.readFileSync(source))).toBe(true);
    expect(fs.existsSync(partialPathFor(destination))).toBe(false);
  });

  it('replaces a partial file left by a crashed copy', async () => {
    // Arrange
    fs.writeFileSync(partialPathFor(destination), 'truncated');

    // Act
    await hardlinkOrCopy(source, destination, failingLink('EXDEV'));

    // Assert
    expect(fs.readFileSync(destination).equals(fs.readFileSync(source))).toBe(true);
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(destination), 'source.mkv'].sort());
  });

  it('rethrows other link errors without copying', async () => {
    // Act
    const attempt = hardlinkOrCopy(source, destination, failingLink('EACCES'));

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'EACCES' });
    expect(fs.readdirSync(tmp)).toEqual(['source.mkv']);
  });

  it('removes its partial file when the copy fails', async () => {
    // Arrange
    const missingSource = path.join(tmp, 'gone.mkv');

    // Act
    const attempt = hardlinkOrCopy(missingSource, destination, failingLink('EXDEV'));

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(tmp)).toEqual(['source.mkv']);
  });
});
