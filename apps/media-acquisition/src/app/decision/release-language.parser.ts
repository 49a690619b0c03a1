/*
 * The audio languages a release names, following Radarr's LanguageParser: full language names and the
 * scene's short tags, read only after the movie's title and year and without the release group, so
 * "The.Italian.Movie.2025" and "…-MULTiPLEX" name no language. Names are @ctrl/video-filename-parser's.
 */
const WORDS: ReadonlyArray<[string, RegExp]> = [
  ['English', /\b(?:english|eng)\b/i],
  ['French', /\b(?:french|truefrench|fra|fre|vff|vfq|vf2)\b/i],
  ['Spanish', /\b(?:spanish|castellano|español|espanol)\b/i],
  ['German', /\b(?:german|ger|deu|videomann)\b/i],
  ['Italian', /\b(?:italian|ita)\b/i],
  ['Danish', /\bdanish\b/i],
  ['Dutch', /\bdutch\b/i],
  ['Japanese', /\bjapanese\b/i],
  ['Icelandic', /\bicelandic\b/i],
  ['Chinese', /\b(?:chinese|mandarin|cantonese)\b/i],
  ['Russian', /\b(?:russian|rus)\b/i],
  ['Romanian', /\bromanian\b/i],
  ['Hindi', /\bhindi\b/i],
  ['Thai', /\bthai\b/i],
  ['Bulgarian', /\b(?:bulgarian|bgaudio)\b/i],
  ['Brazilian', /\b(?:dublado|brazilian)\b/i],
  ['Polish', /\b(?:polish|pl[-_. ]?dub|dub[-_. ]?pl|pl[-_. ]?lek|lek[-_. ]?pl)\b/i],
  ['Vietnamese', /\bvietnamese\b/i],
  ['Swedish', /\bswedish\b/i],
  ['Norwegian', /\bnorwegian\b/i],
  ['Finnish', /\bfinnish\b/i],
  ['Turkish', /\bturkish\b/i],
  ['Portuguese', /\bportuguese\b/i],
  ['Flemish', /\bflemish\b/i],
  ['Greek', /\bgreek\b/i],
  ['Korean', /\bkorean\b/i],
  ['Hungarian', /\b(?:hungarian|hun|hundub)\b/i],
  ['Hebrew', /\b(?:hebrew|hebdub)\b/i],
  ['Lithuanian', /\blithuanian\b/i],
  ['Czech', /\bczech\b/i],
  ['Arabic', /\barabic\b/i],
  ['Ukrainian', /\b(?:ukrainian|ukr)\b/i],
  ['Persian', /\bpersian\b/i],
  ['Catalan', /\bcatalan\b/i],
  ['Estonian', /\bestonian\b/i],
  ['Latvian', /\blatvian\b/i],
  ['Slovak', /\bslovak\b/i],
  ['Serbian', /\bserbian\b/i],
  ['Tamil', /\btamil\b/i],
  ['Bengali', /\bbengali\b/i],
];
// Upper-case two-letter country tags count, but not next to SUB: "PL" is Polish audio, "PL-SUB" only subtitles.
const COUNTRY_TAGS: ReadonlyArray<[string, string]> = [
  ['Lithuanian', 'LT'],
  ['Czech', 'CZ'],
  ['Polish', 'PL'],
  ['Bulgarian', 'BG'],
  ['Slovak', 'SK'],
];
const MULTI = /\bmulti\b/i;
// "-GROUP", "-GROUP.mkv", or a site tag like "-[YTS.LT]" (whose LT is no language).
const RELEASE_GROUP = /(?:-[A-Za-z0-9]+(?:\.[a-z0-9]{2,4})?|[-. ]*\[[A-Za-z0-9]+\.[A-Za-z]{2,4}\])$/;

/**
 * `tail` is the release name after the movie's title and year. Empty when the release names no language (Radarr's
 * Unknown).
 */
export function parseReleaseLanguages(tail: string): string[] {
  const text = tail.replace(RELEASE_GROUP, '').replace(/_/g, ' ');
  const found = WORDS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  for (const [name, tag] of COUNTRY_TAGS) {
    if (new RegExp(String.raw`(?<!SUB[-_. ]?)\b${tag}\b(?![-_. ]?SUB)`).test(text) && !found.includes(name))
      found.push(name);
  }
  // MULTi: the original (English) track is there besides the named ones.
  if (MULTI.test(text) && !found.includes('English')) found.push('English');
  return found;
}
