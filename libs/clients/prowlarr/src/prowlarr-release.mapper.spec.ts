import { DownstreamContractError } from '@keel/clients-core';
import { parseReleases } from './prowlarr-release.mapper';

const RELEASE = { guid: 'https://1337x.to/torrent/1/x/', title: 'Arrival.2016.1080p.BluRay.x264-SPARKS', size: 9_341_553_459, indexerId: 1, indexer: '1337x', publishDate: '2017-02-01T03:03:00Z', protocol: 'torrent' };

describe(parseReleases.name, () => {
  it('maps Prowlarr’s numeric imdbId to tt + 7 digits and flattens categories', () => {
    // Act
    const [release] = parseReleases([{ ...RELEASE, imdbId: 87182, tmdbId: 841, categories: [{ id: 2000, name: 'Movies', subCategories: [] }, { id: 2040 }], indexerFlags: ['scene'], seeders: 3 }]);

    // Assert
    expect(release).toMatchObject({ imdbId: 'tt0087182', tmdbId: 841, categories: [2000, 2040], indexerFlags: ['scene'], seeders: 3 });
  });

  it('accepts a release with every optional field left out, and treats id 0 as unknown', () => {
    // Act
    const [release] = parseReleases([{ ...RELEASE, imdbId: 0, tmdbId: 0 }]);

    // Assert
    expect(release.imdbId).toBeUndefined();
    expect(release.tmdbId).toBeUndefined();
    expect(release.indexerFlags).toEqual([]);
    expect(release.categories).toEqual([]);
    expect(release.downloadUrl).toBeUndefined();
  });

  it('names every violation: a missing field, a wrongly typed optional one, an unknown protocol', () => {
    // Arrange
    const { title: _title, ...untitled } = RELEASE;

    // Act
    const error = (() => {
      try {
        parseReleases([untitled, { ...RELEASE, imdbId: 'tt2543164', protocol: 'ftp' }]);
      } catch (e) {
        return e as DownstreamContractError;
      }
      throw new Error('expected a DownstreamContractError');
    })();

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect(error.violations).toEqual(['body[0].title: expected string, got undefined', 'body[1].imdbId: expected number, got string', 'body[1].protocol: expected torrent, usenet or unknown, got ftp']);
  });

  it('refuses a body that is not an array', () => {
    // Act + Assert
    expect(() => parseReleases({ message: 'x' })).toThrow(DownstreamContractError);
  });
});
