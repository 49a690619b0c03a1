import { buildTorrentFile } from './testing/torrent-file.fixture';
import { QbittorrentInvalidTorrentError } from './errors/qbittorrent-invalid-torrent.error';
import { infoHashFromMagnet, infoHashFromTorrent } from './info-hash';

describe(infoHashFromMagnet.name, () => {
  it('reads a hex btih and upper-cases it', () => {
    // Arrange
    const magnet = 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Some.Movie.2019.1080p.BluRay.x264';

    // Act
    const hash = infoHashFromMagnet(magnet);

    // Assert
    expect(hash).toBe('0123456789ABCDEF0123456789ABCDEF01234567');
  });

  it('decodes a base32 btih to hex', () => {
    // Arrange: base32 of the 20 bytes 0x01 0x23 … 0x67.
    const magnet = 'magnet:?xt=urn:btih:AERUKZ4JVPG66AJDIVTYTK6N54ASGRLH&dn=x';

    // Act
    const hash = infoHashFromMagnet(magnet);

    // Assert
    expect(hash).toBe('0123456789ABCDEF0123456789ABCDEF01234567');
  });

  it.each([['magnet:?dn=no-hash'], ['magnet:?xt=urn:btih:tooshort'], ['not a magnet']])('rejects %s', (uri) => {
    // Arrange: the uri above.

    // Act
    const act = () => infoHashFromMagnet(uri);

    // Assert
    expect(act).toThrow(QbittorrentInvalidTorrentError);
  });
});

describe(infoHashFromTorrent.name, () => {
  it('hashes the info dictionary of .torrent bytes', () => {
    // Arrange
    const fixture = buildTorrentFile('a.txt', 'hello');

    // Act
    const hash = infoHashFromTorrent(fixture.bytes);

    // Assert
    expect(hash).toBe(fixture.infoHash);
  });

  it('rejects bytes that are not a torrent', () => {
    // Arrange
    const garbage = Buffer.from('definitely not bencode');

    // Act
    const act = () => infoHashFromTorrent(garbage);

    // Assert
    expect(act).toThrow(QbittorrentInvalidTorrentError);
  });
});
