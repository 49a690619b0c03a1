import { selectTorrents } from './qbittorrent.filter';
import type { TorrentInfo } from './qbittorrent.serialize';

const torrent = (hash: string, fields: Partial<TorrentInfo> = {}): TorrentInfo => ({
  hash,
  name: hash,
  state: 'downloading',
  progress: 0.5,
  dlspeed: 0,
  upspeed: 0,
  category: '',
  tags: '',
  added_on: 0,
  ...fields,
});

const ALL = [
  torrent('a', { state: 'downloading', dlspeed: 100, category: 'movies', tags: 'hd, new', added_on: 3 }),
  torrent('b', { state: 'stalledUP', progress: 1, category: 'movies', tags: '', added_on: 1 }),
  torrent('c', { state: 'pausedDL', category: 'tv', tags: 'new', added_on: 2 }),
  torrent('d', { state: 'stoppedUP', progress: 1, upspeed: 5, tags: 'hd', added_on: 4 }),
  torrent('e', { state: 'missingFiles', added_on: 5 }),
];

/** `torrents/info`'s query string as the emulator reads it. */
const query = (params: Record<string, string>) => (name: string) => params[name];
const hashes = (selected: TorrentInfo[]) => selected.map((t) => t['hash']);

describe(selectTorrents.name, () => {
  it('answers every torrent without a query, in the order it holds them', () => {
    expect(hashes(selectTorrents(ALL, query({}), '4.5.2'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it.each([
    ['downloading', ['a', 'c']],
    ['seeding', ['b']],
    ['completed', ['b', 'd']],
    ['active', ['a', 'd']],
    ['inactive', ['b', 'c', 'e']],
    ['stalled', ['b']],
    ['stalled_uploading', ['b']],
    ['stalled_downloading', []],
    ['errored', ['e']],
    ['no-such-filter', ['a', 'b', 'c', 'd', 'e']],
  ])('filter=%s keeps %j, as qBittorrent’s torrentfilter does', (filter, expected) => {
    expect(hashes(selectTorrents(ALL, query({ filter }), '4.5.2'))).toEqual(expected);
  });

  it('names the pause filters paused/resumed on 4.x and stopped/running on 5.x', () => {
    // Act
    const v4 = ['paused', 'resumed', 'stopped'].map((filter) =>
      hashes(selectTorrents(ALL, query({ filter }), '4.5.2')),
    );
    const v5 = ['stopped', 'running', 'paused'].map((filter) =>
      hashes(selectTorrents(ALL, query({ filter }), '5.0.0')),
    );

    // Assert: a name the version does not know means "all"
    expect(v4).toEqual([
      ['c', 'd'],
      ['a', 'b', 'e'],
      ['a', 'b', 'c', 'd', 'e'],
    ]);
    expect(v5).toEqual([
      ['c', 'd'],
      ['a', 'b', 'e'],
      ['a', 'b', 'c', 'd', 'e'],
    ]);
  });

  it('narrows by category and by tag; an empty tag means untagged', () => {
    expect(hashes(selectTorrents(ALL, query({ category: 'movies' }), '4.5.2'))).toEqual(['a', 'b']);
    expect(hashes(selectTorrents(ALL, query({ tag: 'hd' }), '4.5.2'))).toEqual(['a', 'd']);
    expect(hashes(selectTorrents(ALL, query({ tag: '' }), '4.5.2'))).toEqual(['b', 'e']);
    expect(hashes(selectTorrents(ALL, query({ category: 'movies', tag: 'new' }), '4.5.2'))).toEqual(['a']);
  });

  it('sorts by a field, numbers as numbers, and reverses on request', () => {
    expect(hashes(selectTorrents(ALL, query({ sort: 'added_on' }), '4.5.2'))).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(hashes(selectTorrents(ALL, query({ sort: 'added_on', reverse: 'TRUE' }), '4.5.2'))).toEqual([
      'e',
      'd',
      'a',
      'c',
      'b',
    ]);
    expect(hashes(selectTorrents(ALL, query({ sort: 'state' }), '4.5.2'))).toEqual(['a', 'e', 'c', 'b', 'd']);
  });

  it('pages with limit and offset, a negative offset counting from the end', () => {
    expect(hashes(selectTorrents(ALL, query({ limit: '2', offset: '1' }), '4.5.2'))).toEqual(['b', 'c']);
    expect(hashes(selectTorrents(ALL, query({ offset: '-2' }), '4.5.2'))).toEqual(['d', 'e']);
    expect(hashes(selectTorrents(ALL, query({ offset: '-9', limit: '1' }), '4.5.2'))).toEqual(['a']);
    expect(hashes(selectTorrents(ALL, query({ limit: 'lots' }), '4.5.2'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('leaves the list it was given as it was', () => {
    // Arrange
    const before = hashes(ALL);

    // Act
    selectTorrents(ALL, query({ sort: 'added_on', reverse: 'true' }), '4.5.2');

    // Assert
    expect(hashes(ALL)).toEqual(before);
  });
});
