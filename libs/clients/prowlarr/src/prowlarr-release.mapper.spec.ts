import { toRelease } from './prowlarr-release.mapper';
import { prowlarrReleasesSchema } from './prowlarr.schemas';

/** What the client does with a `/api/v1/search` body: check it against the schema, then map each release. */
const parseReleases = (body: unknown) => prowlarrReleasesSchema.parse(body).map(toRelease);
const refused = (body: unknown) => !prowlarrReleasesSchema.safeParse(body).success;

const RELEASE = {
  guid: 'https://1337x.to/torrent/1/x/',
  title: 'Arrival.2016.1080p.BluRay.x264-SPARKS',
  size: 9_341_553_459,
  indexerId: 1,
  indexer: '1337x',
  publishDate: '2017-02-01T03:03:00Z',
  protocol: 'torrent',
};

describe('Prowlarr releases (schema + toRelease)', () => {
  it('maps Prowlarr’s numeric imdbId to tt + 7 digits and flattens categories', () => {
    // Act
    const [release] = parseReleases([
      {
        ...RELEASE,
        imdbId: 87182,
        tmdbId: 841,
        categories: [{ id: 2000, name: 'Movies', subCategories: [] }, { id: 2040 }],
        indexerFlags: ['scene'],
        seeders: 3,
      },
    ]);

    // Assert
    expect(release).toMatchObject({
      imdbId: 'tt0087182',
      tmdbId: 841,
      categories: [2000, 2040],
      indexerFlags: ['scene'],
      seeders: 3,
    });
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

  it('reads a minimal release: only a title, every other field defaulted', () => {
    // Act
    const [release] = parseReleases([
      { title: 'Arrival.2016.1080p.BluRay.x264-SPARKS', downloadUrl: 'http://prowlarr/1/download?link=x' },
    ]);

    // Assert
    expect(release).toEqual({
      guid: 'http://prowlarr/1/download?link=x',
      title: 'Arrival.2016.1080p.BluRay.x264-SPARKS',
      size: 0,
      indexerId: 0,
      indexer: 'unknown',
      publishDate: undefined,
      ageHours: undefined,
      seeders: undefined,
      leechers: undefined,
      protocol: 'unknown',
      downloadUrl: 'http://prowlarr/1/download?link=x',
      magnetUrl: undefined,
      infoHash: undefined,
      indexerFlags: [],
      categories: [],
      imdbId: undefined,
      tmdbId: undefined,
      infoUrl: undefined,
    });
  });

  it.each([
    ['torrent', {}, 'torrent'],
    ['Torrent', {}, 'torrent'],
    ['USENET', {}, 'usenet'],
    [2, {}, 'torrent'],
    [1, {}, 'usenet'],
    [undefined, { magnetUrl: 'magnet:?xt=urn:btih:abc' }, 'torrent'],
    [undefined, { seeders: 4 }, 'torrent'],
    ['ftp', {}, 'unknown'],
    [undefined, {}, 'unknown'],
  ])('reads protocol %p (with %p) as %s', (protocol, extra, expected) => {
    // Act
    const [release] = parseReleases([{ ...RELEASE, protocol, ...extra }]);

    // Assert
    expect(release.protocol).toBe(expected);
  });

  it('reads mistyped optional fields as absent, and tolerates a tt-prefixed imdbId and bare category ids', () => {
    // Act
    const [release] = parseReleases([
      {
        ...RELEASE,
        size: '9341553459',
        indexerFlags: null,
        seeders: 'many',
        imdbId: 'tt2543164',
        categories: [2000, { id: 2040 }, 'x'],
      },
    ]);

    // Assert
    expect(release).toMatchObject({
      size: 0,
      indexerFlags: [],
      seeders: undefined,
      imdbId: 'tt2543164',
      categories: [2000, 2040],
    });
  });

  it('skips releases it cannot use and keeps the rest', () => {
    // Act
    const releases = parseReleases([{ ...RELEASE, title: '' }, 'junk', null, { ...RELEASE, guid: 'kept' }]);

    // Assert
    expect(releases.map((release) => release.guid)).toEqual(['kept']);
  });

  it('calls an answer with no usable release a contract error', () => {
    // Act + Assert
    expect(refused([{ guid: 'x' }, 42])).toBe(true);
  });

  it('reads an empty array as "found nothing"', () => {
    expect(parseReleases([])).toEqual([]);
  });

  it('refuses a body that is not an array', () => {
    // Act + Assert
    expect(refused({ message: 'x' })).toBe(true);
  });
});
