import { expandCategories, intList, parseSearchQuery } from './prowlarr.query';

describe(parseSearchQuery.name, () => {
  it('parses id tokens case-insensitively and removes them from the free text', () => {
    // Act
    const parsed = parseSearchQuery('{imdbid:tt0133093} The Matrix {TMDBID:603} {Year:1999}');

    // Assert
    expect(parsed).toEqual({ imdbId: 133093, tmdbId: 603, year: 1999, words: ['the', 'matrix'] });
  });

  it('leaves ids unset when the text carries no tokens', () => {
    // Act
    const parsed = parseSearchQuery('Blade Runner: 2049');

    // Assert
    expect(parsed).toEqual({ words: ['blade', 'runner', '2049'] });
  });

  it('ignores a malformed id', () => {
    // Act
    const parsed = parseSearchQuery('{ImdbId:nope}');

    // Assert
    expect(parsed.imdbId).toBeUndefined();
  });
});

describe(expandCategories.name, () => {
  it('lets a parent category match its subcategories only', () => {
    // Arrange
    const matches = expandCategories([2000]);

    // Act + Assert
    expect([2000, 2040, 2090, 5000, 3030].map(matches)).toEqual([true, true, true, false, false]);
  });

  it('matches a subcategory exactly', () => {
    // Arrange
    const matches = expandCategories([2045]);

    // Act + Assert
    expect([2045, 2040, 2000].map(matches)).toEqual([true, false, false]);
  });
});

describe(intList.name, () => {
  it('reads repeated keys and comma lists', () => {
    // Act
    const ids = intList(new URLSearchParams('indexerIds=1&indexerIds=5&indexerIds=2,3&indexerIds=x'), 'indexerIds');

    // Assert
    expect(ids).toEqual([1, 5, 2, 3]);
  });
});
