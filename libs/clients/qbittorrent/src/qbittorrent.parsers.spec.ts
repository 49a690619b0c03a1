import { DownstreamContractError } from '@keel/clients-core';
import { parseAddAnswer, parseTorrentInfos } from './qbittorrent.parsers';

describe(parseAddAnswer.name, () => {
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
    const result = parseAddAnswer(text);

    // Assert
    expect(result).toEqual({ added });
  });

  it('calls any other body a contract error', () => {
    // Arrange
    const text = '<html>proxy error</html>';

    // Act
    const act = () => parseAddAnswer(text);

    // Assert
    expect(act).toThrow(DownstreamContractError);
  });
});

describe(parseTorrentInfos.name, () => {
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

  it('defaults what an older qBittorrent leaves out: content_path from save_path + name, no tags, size from total_size', () => {
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
  ])('calls a body that is %s a contract error', (_what, text) => {
    // Act + Assert
    expect(() => parseTorrentInfos(text)).toThrow(DownstreamContractError);
  });

  it('reads an empty list as no torrents', () => {
    expect(parseTorrentInfos('[]')).toEqual([]);
  });
});
