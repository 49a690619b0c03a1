import { filenameParse } from '@ctrl/video-filename-parser';
import type { Edition } from '@ctrl/video-filename-parser';
import { QualityDefinition, UNKNOWN_QUALITY } from './quality.constants';
import { parseRevision, qualityFromExtension, qualityFromName } from './radarr-quality.parser';
import type { QualityRevision } from './radarr-quality.parser';

export type ReleaseRevision = QualityRevision;

export interface ParsedRelease {
  /** Empty when no title could be found. */
  title: string;
  year?: number;
  /** Edition flags that are set, e.g. `['extended', 'imax']`. */
  edition: string[];
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
const TITLE_WORDS_THE_PARSER_DROPS = /^(real|proper|repack|rerip|cam|hdcam|ts|hdts|tc|hdtc|telesync|telecine|workprint|wp|scr|screener)$/i;
const SAMPLE_TOKEN = /(^|[\W_])sample([\W_]|$)/i;

/** Parses a scene/P2P release title into Radarr's quality, revision and movie fields. Pure; never throws. */
export function parseReleaseQuality(releaseTitle: string): ReleaseQuality {
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
      title: repairTitle(parsed.title, yearAt < 0 ? '' : releaseTitle.slice(0, yearAt)),
      year,
      edition: editionFlags(parsed.edition),
      languages: parsed.languages.map(String),
      group: parsed.group ?? undefined,
      isSample: SAMPLE_TOKEN.test(tail),
    },
  };
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
