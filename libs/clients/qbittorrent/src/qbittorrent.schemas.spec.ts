import {
  qbittorrentAddAnswerSchema,
  qbittorrentTorrentInfosSchema,
  qbittorrentWebApiVersionSchema,
} from './qbittorrent.schemas';

/** A `torrents/info` body as the client reads it: JSON text checked against the schema. */
const parseTorrentInfos = (text: string) => qbittorrentTorrentInfosSchema.parse(JSON.parse(text));
const refusesInfos = (text: string) => {
  try {
    return !qbittorrentTorrentInfosSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return true;
  }
};

describe('torrents/add answer', () => {
  it.each([
    ['Ok.', true],
    ['', true],
    ['Fails.', false],
    ['{"success_count":1,"failure_count":0,"pending_count":0,"added_torrent_ids":["abc"]}', true],
    ['{"success_count":0,"failure_count":0,"pending_count":1,"added_torrent_ids":[]}', true],
    ['{"success_count":0,"failure_count":1,"pending_count":0,"added_torrent_ids":[]}', false],
  ])('reads %p as added=%p (4.x/5.0 text, 5.2 JSON)', (text, added) => {
    // Arrange: the answer above.

    // Act
    const result = qbittorrentAddAnswerSchema.parse(text);

    // Assert
    expect(result).toEqual({ added, text });
  });

  it('calls any other body a contract error', () => {
    // Arrange
    const text = '<html>proxy error</html>';

    // Act
    const result = qbittorrentAddAnswerSchema.safeParse(text);

    // Assert
    expect(result.success).toBe(false);
  });
});

describe('torrents/info answer', () => {
  const FULL = {
    hash: 'abc',
    name: 'Dune.2021',
    state: 'uploading',
    progress: 1,
    eta: 8640000,
    size: 10,
    content_path: '/dl/Dune.2021',
    save_path: '/dl/',
    category: 'movies',
    tags: 'keel, x',
    downloaded: 10,
  };

  it('reads a full entry as is', () => {
    // Act
    const [info] = parseTorrentInfos(JSON.stringify([FULL]));

    // Assert
    expect(info).toEqual(FULL);
  });

  it('defaults what older qBittorrents omit: content_path from save_path + name, no tags, size from total_size', () => {
    // Arrange: qBittorrent 4.1 (WebAPI 2.2) had neither content_path nor tags.
    const text = JSON.stringify([
      {
        hash: 'abc',
        name: 'Dune.2021',
        state: 'downloading',
        progress: 0.5,
        eta: 60,
        total_size: 10,
        save_path: '/dl/',
        category: 'movies',
      },
    ]);

    // Act
    const [info] = parseTorrentInfos(text);

    // Assert
    expect(info).toEqual({
      hash: 'abc',
      name: 'Dune.2021',
      state: 'downloading',
      progress: 0.5,
      eta: 60,
      size: 10,
      content_path: '/dl/Dune.2021',
      save_path: '/dl/',
      category: 'movies',
      tags: '',
    });
  });

  it('reads a minimal entry (hash only) with safe defaults, and mistyped fields as absent', () => {
    // Act
    const [info] = parseTorrentInfos(JSON.stringify([{ hash: 'abc', progress: '0.5', eta: null }]));

    // Assert
    expect(info).toEqual({
      hash: 'abc',
      name: '',
      state: 'unknown',
      progress: 0,
      eta: 8640000,
      size: 0,
      content_path: '',
      save_path: '',
      category: '',
      tags: '',
    });
  });

  it('skips entries without a hash and keeps the rest', () => {
    // Act
    const infos = parseTorrentInfos(JSON.stringify([{ name: 'no hash' }, 7, { ...FULL, hash: 'kept' }]));

    // Assert
    expect(infos.map((info) => info.hash)).toEqual(['kept']);
  });

  it.each([
    ['not JSON', '<html>'],
    ['not an array', '{"hash":"abc"}'],
    ['an array with no usable entry', '[{"name":"x"}]'],
  ])('refuses a body that is %s', (_what, text) => {
    // Act + Assert
    expect(refusesInfos(text)).toBe(true);
  });

  it('reads an empty list as no torrents', () => {
    expect(parseTorrentInfos('[]')).toEqual([]);
  });
});

describe('app/webapiVersion answer', () => {
  it.each([
    ['2.8.19\n', '2.8.19'],
    ['2.11.2', '2.11.2'],
  ])('reads %p as %p', (text, version) => {
    expect(qbittorrentWebApiVersionSchema.parse(text)).toBe(version);
  });

  it.each([['Forbidden'], [''], ['v4.5.2']])('refuses %p', (text) => {
    expect(qbittorrentWebApiVersionSchema.safeParse(text).success).toBe(false);
  });
});
