import type { ProwlarrRelease } from '@keel/clients-prowlarr';
import { matchReleases } from './release-matcher';
import type { MatchableMovie } from './release-matcher';

const movie = (
  id: string,
  title: string,
  year: number,
  ids: Partial<Pick<MatchableMovie, 'tmdbId' | 'imdbId'>> = {},
): MatchableMovie => ({ id, title, year, tmdbId: null, imdbId: null, ...ids });
const release = (title: string, ids: Partial<Pick<ProwlarrRelease, 'tmdbId' | 'imdbId'>> = {}): ProwlarrRelease => ({
  guid: `guid:${title}`,
  title,
  size: 8 * 1024 ** 3,
  indexerId: 1,
  indexer: '1337x',
  protocol: 'torrent',
  indexerFlags: [],
  categories: [2000],
  ...ids,
});

describe(matchReleases.name, () => {
  const dune2021 = movie('dune-2021', 'Dune', 2021, { tmdbId: 438631, imdbId: 'tt1160419' });
  const dune1984 = movie('dune-1984', 'Dune', 1984);
  const oppenheimer = movie('oppenheimer', 'Oppenheimer', 2023);
  const lotr = movie('lotr', 'The Lord of the Rings: The Two Towers', 2002);

  it('matches by parsed title and year, the exact year among movies sharing a title', () => {
    // Act
    const matched = matchReleases(
      [dune2021, dune1984, oppenheimer],
      [
        release('Dune.1984.1080p.BluRay.x264-AMIABLE'),
        release('Dune.2021.2160p.WEB-DL.DDP5.1-EVO'),
        release('Oppenheimer.2023.1080p.BluRay.x264-SPARKS'),
      ],
    );

    // Assert
    expect(Object.fromEntries(matched.map((m) => [m.movie.id, m.releases.map((r) => r.title)]))).toEqual({
      'dune-1984': ['Dune.1984.1080p.BluRay.x264-AMIABLE'],
      'dune-2021': ['Dune.2021.2160p.WEB-DL.DDP5.1-EVO'],
      oppenheimer: ['Oppenheimer.2023.1080p.BluRay.x264-SPARKS'],
    });
  });

  it('reads titles the way Radarr cleans them: punctuation, dots and articles do not matter', () => {
    // Act
    const matched = matchReleases(
      [lotr],
      [release('Lord.of.the.Rings.The.Two.Towers.2002.EXTENDED.1080p.BluRay.x264-FSiHD')],
    );

    // Assert
    expect(matched.map((m) => m.movie.id)).toEqual(['lotr']);
  });

  it('matches by the indexer’s TMDb or IMDb id when the parsed year agrees, whatever the title says', () => {
    // Act
    const byTmdb = matchReleases(
      [dune2021],
      [release('Dune.Part.One.2021.1080p.WEBRip.x264-RARBG', { tmdbId: 438631 })],
    );
    const byImdb = matchReleases(
      [dune2021],
      [release('Dune.Part.One.2021.720p.WEBRip.x264-RARBG', { imdbId: 'TT1160419' })],
    );
    const yearDisagrees = matchReleases(
      [dune2021],
      [release('Dune.Part.One.2010.1080p.WEBRip.x264-RARBG', { tmdbId: 438631 })],
    );

    // Assert
    expect(byTmdb.map((m) => m.movie.id)).toEqual(['dune-2021']);
    expect(byImdb.map((m) => m.movie.id)).toEqual(['dune-2021']);
    expect(yearDisagrees).toEqual([]);
  });

  it('leaves out unknown titles, years more than one off, and a yearless title two movies share', () => {
    // Act
    const matched = matchReleases(
      [dune2021, dune1984, oppenheimer],
      [
        release('Some.Unknown.Film.2023.1080p.WEB-DL-GRP'),
        release('Oppenheimer.2019.1080p.BluRay.x264-FAKE'),
        release('Dune.1080p.BluRay.x264-NOYEAR'),
      ],
    );

    // Assert
    expect(matched).toEqual([]);
  });

  it('takes a year off by one (festival against release year) when it is the only near one', () => {
    // Act
    const matched = matchReleases([oppenheimer], [release('Oppenheimer.2024.1080p.BluRay.x264-GRP')]);

    // Assert
    expect(matched.map((m) => m.movie.id)).toEqual(['oppenheimer']);
  });
});
