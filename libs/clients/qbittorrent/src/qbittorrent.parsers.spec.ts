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
  it('names the entry and field that break the contract', () => {
    // Arrange
    const text = JSON.stringify([{ hash: 'a', name: 'n', state: 'metaDL', progress: '0', eta: 1, size: 1, content_path: '', save_path: '', category: '', tags: '' }]);

    // Act
    const error = (() => {
      try {
        return parseTorrentInfos(text);
      } catch (e) {
        return e;
      }
    })();

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toEqual(['torrents/info[0].progress: expected number, got string']);
  });
});
