const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * A comparison key in the spirit of Radarr's `CleanMovieTitle`: "The Lord of the Rings: The Two Towers" and
 * "Lord.of.the.Rings.The.Two.Towers" meet. Articles go anywhere in the title, since releases drop them inconsistently.
 */
export function normalizeMovieTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word && !ARTICLES.has(word))
    .join(' ');
}
