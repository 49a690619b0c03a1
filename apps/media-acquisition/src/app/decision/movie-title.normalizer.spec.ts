import { normalizeMovieTitle } from './movie-title.normalizer';

describe(normalizeMovieTitle.name, () => {
  it.each([
    ['The Lord of the Rings: The Two Towers', 'Lord.of.the.Rings.The.Two.Towers'],
    ['Fast & Furious', 'Fast and Furious'],
    ['Amélie', 'Amelie'],
    ["Ocean's Eleven", 'Oceans Eleven'],
    ['Spider-Man: No Way Home', 'Spider Man No Way Home'],
    ['A Quiet Place', 'Quiet Place'],
  ])('treats "%s" and "%s" as the same title', (a, b) => {
    expect(normalizeMovieTitle(a)).toBe(normalizeMovieTitle(b));
  });

  it('keeps different titles apart', () => {
    expect(normalizeMovieTitle('Dune Part Two')).not.toBe(normalizeMovieTitle('Dune'));
  });
});
