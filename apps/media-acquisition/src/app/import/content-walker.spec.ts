import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listContentFiles } from './content-walker';

describe(listContentFiles.name, () => {
  let tmp: string;
  let root: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-walker-'));
    root = path.join(tmp, 'Movie.2000.1080p');
    fs.mkdirSync(root);
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function writeFile(relative: string, bytes: number): string {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(bytes));
    return file;
  }

  const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);

  it('lists regular files in nested folders with their sizes', async () => {
    // Arrange
    const movie = writeFile('movie.mkv', 300);
    const sample = writeFile('Sample/sample.mkv', 20);
    const subs = writeFile('Subs/en/movie.srt', 5);

    // Act
    const files = await listContentFiles(root);

    // Assert
    expect(files.sort(byPath)).toEqual(
      [
        { path: movie, size: 300 },
        { path: sample, size: 20 },
        { path: subs, size: 5 },
      ].sort(byPath),
    );
  });

  it('skips symbolic links to files and to folders', async () => {
    // Arrange
    const movie = writeFile('movie.mkv', 300);
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'other.mkv'), Buffer.alloc(900));
    fs.symlinkSync(path.join(outside, 'other.mkv'), path.join(root, 'linked.mkv'));
    fs.symlinkSync(outside, path.join(root, 'linked-folder'));

    // Act
    const files = await listContentFiles(root);

    // Assert
    expect(files).toEqual([{ path: movie, size: 300 }]);
  });

  it('stops descending below the depth bound', async () => {
    // Arrange
    const shallow = writeFile('a/shallow.mkv', 10);
    writeFile('a/b/deep.mkv', 10);

    // Act
    const files = await listContentFiles(root, 1);

    // Assert
    expect(files).toEqual([{ path: shallow, size: 10 }]);
  });
});
