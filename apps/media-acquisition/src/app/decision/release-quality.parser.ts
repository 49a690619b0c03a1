import { filenameParse } from '@ctrl/video-filename-parser';
import type { Edition } from '@ctrl/video-filename-parser';
import { QualityDefinition, UNKNOWN_QUALITY } from './quality.constants';
import { parseEditionText } from './movie-edition.parser';
import { parseReleaseLanguages } from './release-language.parser';
import { parseRevision, qualityFromExtension, qualityFromName } from './radarr-quality.parser';
import type { QualityRevision } from './radarr-quality.parser';

export type ReleaseRevision = QualityRevision;

export interface ParsedRelease {
  /** Empty when no title could be found. */
  title: string;
  year?: number;
  /** Edition flags that are set, e.g. `['extended', 'imax']`. */
  edition: string[];
  /** The edition words as Radarr reports them, e.g. `Extended Directors Cut`; "" when none. */
  editionText: string;
  languages: string[];
  group?: string;
  isSample: boolean;
}

export interface ReleaseQuality {
  quality: QualityDefinition;
  revision: ReleaseRevision;
  parsed: ParsedRelease;
}

// The parser cuts a title at these words, so "Real.Steel.2011" comes back as "Steel" and "Cam.2018" as "".
const TITLE_WORDS_THE_PARSER_DROPS =
  /^(real|proper|repack|rerip|cam|hdcam|ts|hdts|tc|hdtc|telesync|telecine|workprint|wp|scr|screener)$/i;
const SAMPLE_TOKEN = /(^|[\W_])sample([\W_]|$)/i;
// Radarr drops a site's name before the release: "www.Torrenting.org - Movie.2008…", "[ site.com ] Movie…".
const WEBSITE_PREFIX = /^(?:\[\s*[-a-z0-9]+(?:\.[a-z0-9]+)+\s*\][- ]*|www\.[-a-z0-9]+\.[a-z]{2,4}[ -]*)/i;
// With no year to stop at, the library leaves language tags in the title ("Cars 2 German DL"); a title never ends with
// them.
const TRAILING_LANGUAGE_TAG = /\s+(?:german|french|truefrench|italian|spanish|multi|dl|ml|dubbed)$/i;

/** Parses a scene/P2P release title into Radarr's quality, revision and movie fields. Pure; never throws. */
export function parseReleaseQuality(rawTitle: string): ReleaseQuality {
  const releaseTitle = rawTitle.replace(WEBSITE_PREFIX, '');
  const parsed = filenameParse(releaseTitle);
  const year = parsed.year ? Number(parsed.year) : undefined;
  const yearAt = year === undefined ? -1 : lastYearIndex(releaseTitle, parsed.year as string);
  // Only the text after the year describes the file: words inside the movie title ("Real Steel", "Cam") must not count.
  const tail = yearAt < 0 ? releaseTitle : releaseTitle.slice(yearAt + 4);

  let quality = qualityFromName(tail);
  if (quality === UNKNOWN_QUALITY && tail !== releaseTitle) quality = qualityFromName(releaseTitle);
  if (quality === UNKNOWN_QUALITY) quality = qualityFromExtension(releaseTitle);

  return {
    quality,
    revision: parseRevision(tail),
    parsed: {
      title: withoutTrailingLanguageTags(repairTitle(parsed.title, yearAt < 0 ? '' : releaseTitle.slice(0, yearAt))),
      year,
      edition: editionFlags(parsed.edition),
      editionText: parseEditionText(releaseTitle),
      languages: parseReleaseLanguages(yearAt < 0 ? withoutTitle(releaseTitle, parsed.title) : tail),
      group: parsed.group ?? undefined,
      isSample: SAMPLE_TOKEN.test(tail),
    },
  };
}

/**
 * With no year, the words after the library's title describe the file. Plain string search: no regex built from input.
 */
function withoutTitle(releaseTitle: string, title: string): string {
  const last = title.split(' ').filter(Boolean).at(-1)?.toLowerCase();
  if (!last) return releaseTitle;
  const lower = releaseTitle.toLowerCase();
  const isSeparator = (char: string | undefined) => char === undefined || /[\W_]/.test(char);
  for (let at = lower.indexOf(last); at >= 0; at = lower.indexOf(last, at + 1)) {
    if ((at === 0 || isSeparator(lower[at - 1])) && isSeparator(lower[at + last.length]))
      return releaseTitle.slice(at + last.length);
  }
  return releaseTitle;
}

function withoutTrailingLanguageTags(title: string): string {
  let result = title;
  for (
    let next = result.replace(TRAILING_LANGUAGE_TAG, '');
    next !== result && next.trim() !== '';
    next = result.replace(TRAILING_LANGUAGE_TAG, '')
  )
    result = next;
  return result;
}

function lastYearIndex(title: string, year: string): number {
  const pattern = new RegExp(`(?<!\\d)${year}(?![\\dpi])`, 'g');
  let index = -1;
  for (let m = pattern.exec(title); m; m = pattern.exec(title)) index = m.index;
  return index;
}

function repairTitle(parserTitle: string, beforeYear: string): string {
  const candidate = beforeYear
    .replace(/^(\[[^\]]*\]\s*)+/, '')
    .replace(/[._]/g, ' ')
    .replace(/[\s([-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!parserTitle) return candidate;
  const words = candidate.split(' ');
  const kept = parserTitle.split(' ');
  for (let start = 0; start + kept.length <= words.length; start++) {
    if (kept.every((w, i) => words[start + i] === w)) {
      // Trust the longer title only when the parser visibly cut it at one of its tokens.
      const neighbours = [words[start - 1], words[start + kept.length]].filter((w): w is string => w !== undefined);
      return neighbours.some((w) => TITLE_WORDS_THE_PARSER_DROPS.test(w)) ? candidate : parserTitle;
    }
  }
  return parserTitle;
}

function editionFlags(edition: Edition): string[] {
  return Object.entries(edition)
    .filter(([, on]) => on === true)
    .map(([flag]) => flag);
}
