import { filenameParse, parseQuality, parseSourceGroups, QualityModifier, Resolution, Source } from '@ctrl/video-filename-parser';
import type { Edition, QualityModel } from '@ctrl/video-filename-parser';
import { QualityDefinition, qualityByName, UNKNOWN_QUALITY } from './quality.constants';

export interface ReleaseRevision {
  /** 1 = original, 2+ = PROPER/REPACK/v2. */
  version: number;
  /** Count of case-sensitive `REAL` tokens. */
  real: number;
}

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

// When a title carries several sources (usually a release group named like a source), the better source is the real one.
const SOURCE_PRIORITY: readonly Source[] = [
  Source.BLURAY,
  Source.WEBDL,
  Source.WEBRIP,
  Source.TV,
  Source.PPV,
  Source.SCREENER,
  Source.DVD,
  Source.TELECINE,
  Source.TELESYNC,
  Source.CAM,
  Source.WORKPRINT,
];
const LOW_GRADE_SOURCES: ReadonlySet<Source> = new Set([Source.TELESYNC, Source.TELECINE, Source.CAM, Source.WORKPRINT, Source.SCREENER]);
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

  let quality = qualityFrom(tail);
  if (quality === UNKNOWN_QUALITY && tail !== releaseTitle) quality = qualityFrom(releaseTitle);

  return {
    quality,
    revision: parseQuality(tail).revision,
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

function qualityFrom(text: string): QualityDefinition {
  const model = parseQuality(withoutSourceNamedGroup(text));
  return toRadarrQuality(model, text);
}

/** `DVDRip.x264-TC` or `WEB-DL-TS`: a group named like a low-grade source would otherwise win over the real source. */
function withoutSourceNamedGroup(text: string): string {
  const match = /[-.]([A-Za-z0-9]+)$/.exec(text.replace(/\.[a-z0-9]{2,4}$/i, ''));
  if (!match) return text;
  const groupSources = parseQuality(match[1]).sources;
  const rest = text.slice(0, match.index);
  const restSources = parseQuality(rest).sources;
  const groupLooksLikeSource = groupSources.length > 0 && groupSources.every((s) => LOW_GRADE_SOURCES.has(s));
  return groupLooksLikeSource && restSources.length > 0 ? rest : text;
}

function toRadarrQuality(model: QualityModel, text: string): QualityDefinition {
  const source = SOURCE_PRIORITY.find((s) => model.sources.includes(s));
  const resolution = resolutionNumber(model.resolution);
  switch (source) {
    case Source.BLURAY:
      if (model.modifier === QualityModifier.BRDISK) return qualityByName('BR-DISK');
      if (model.modifier === QualityModifier.REMUX) return qualityByName(resolution === 2160 ? 'Remux-2160p' : 'Remux-1080p');
      return byResolution(resolution, { 2160: 'Bluray-2160p', 1080: 'Bluray-1080p', 720: 'Bluray-720p', 576: 'Bluray-576p' }, 'Bluray-480p');
    case Source.WEBDL:
      return byResolution(resolution, { 2160: 'WEBDL-2160p', 1080: 'WEBDL-1080p', 720: 'WEBDL-720p' }, 'WEBDL-480p');
    case Source.WEBRIP:
      return byResolution(resolution, { 2160: 'WEBRip-2160p', 1080: 'WEBRip-1080p', 720: 'WEBRip-720p' }, 'WEBRip-480p');
    case Source.TV:
    case Source.PPV:
      if (model.modifier === QualityModifier.RAWHD) return qualityByName('Raw-HD');
      return byResolution(resolution, { 2160: 'HDTV-2160p', 1080: 'HDTV-1080p', 720: 'HDTV-720p' }, 'SDTV');
    case Source.SCREENER:
      return qualityByName('DVDSCR');
    case Source.DVD:
      return qualityByName(parseSourceGroups(text).dvdr ? 'DVD-R' : 'DVD');
    case Source.TELECINE:
      return qualityByName('TELECINE');
    case Source.TELESYNC:
      return qualityByName('TELESYNC');
    case Source.CAM:
      return qualityByName('CAM');
    case Source.WORKPRINT:
      return qualityByName('WORKPRINT');
    default:
      // The parser detects R5/REGIONAL but never reports it as a source.
      return parseSourceGroups(text).regional ? qualityByName('REGIONAL') : UNKNOWN_QUALITY;
  }
}

function byResolution(resolution: number, names: Record<number, string>, fallback: string): QualityDefinition {
  const bucket = [2160, 1080, 720, 576].find((r) => r in names && resolution >= r);
  return qualityByName(bucket === undefined ? fallback : names[bucket]);
}

function resolutionNumber(resolution: Resolution | undefined): number {
  return resolution ? Number.parseInt(resolution, 10) : 0;
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
