/*
 * The edition as Radarr reports it: the words of the release name that name a cut or edition,
 * e.g. "Extended Directors Cut Fan Edit" or "50th Anniversary Edition" (Radarr's EditionRegex rules,
 * written as our own regex). Linear: alternations of literals, one optional separator at a time.
 */
const SEP = String.raw`[-_. ]`;
const CUT = String.raw`(?:Cut|Edition|Version)`;
const NAMED = String.raw`(?:Special|Rouge|Final|Assembly|Imperial|Diamond|Signature|Hunter|Rekall)(?=${SEP}${CUT})`;
const HEAD = String.raw`(?:Recut|Extended|Ultimate)${SEP}`;
const BASE =
  String.raw`(?:Director${SEP}?s|Director's|Collector${SEP}?s|Collector's|Theatrical|Ultimate|Extended|` +
  String.raw`Despecialized|${NAMED}|\d{2,3}(?:th)?${SEP}Anniversary)`;
const TAIL = String.raw`(?:Extended|Uncensored|Remastered|Unrated|Uncut|Open${SEP}?Matte|IMAX|Fan${SEP}?Edit)`;
const ALONE =
  String.raw`(?:Uncensored|Remastered|Unrated|Uncut|Open${SEP}?Matte|IMAX|` +
  String.raw`Fan${SEP}?Edit|Restored|[234]in1)`;

const EDITION = new RegExp(String.raw`\b(?:(?:${HEAD})?${BASE}(?:${SEP}${CUT})?(?:${SEP}${TAIL})?|${ALONE})\b`, 'gi');

/**
 * Radarr's edition text ("" when none). A match at the very start is the movie's title ("Uncut.Movie.2019"), not an
 * edition.
 */
export function parseEditionText(releaseTitle: string): string {
  for (const match of releaseTitle.matchAll(EDITION)) {
    if ((match.index ?? 0) === 0) continue;
    return match[0].replace(/[._]/g, ' ').trim();
  }
  return '';
}
