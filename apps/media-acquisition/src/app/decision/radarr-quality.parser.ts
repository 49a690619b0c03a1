import { QualityDefinition, qualityByName, UNKNOWN_QUALITY } from './quality.constants';
import { qualityNameForExtension } from './quality-extension.map';
import {
  ANIME_BLURAY,
  ANIME_WEBDL,
  CODEC,
  DISC_CODEC,
  DISC_SOURCE,
  DISC_TAG,
  ENCODE_1080P_HEVC,
  GERMAN_AFTER_YEAR,
  HIGH_DEF_PDTV,
  IMPLIED_2160P,
  MPEG2,
  NOT_A_DISC,
  OTHER_SOURCE,
  PROPER,
  RAW_HD,
  REAL,
  REMUX,
  REPACK,
  RESOLUTION,
  SOURCE_TAG,
  SOURCE_TAGS,
  TRAILING_WEB,
  VERSION,
} from './quality.patterns';

export interface QualityRevision {
  /** 1 = original, 2+ = PROPER/REPACK/v2. */
  version: number;
  /** Count of case-sensitive `REAL` tokens. */
  real: number;
}

type Resolution = 0 | 360 | 480 | 540 | 576 | 720 | 1080 | 2160;
const q = qualityByName;

/**
 * Radarr's `QualityParser.ParseQuality`, step for step: the last source tag decides the family, the first
 * resolution the tier, then anime brackets, a resolution alone, codec and raster hints, and finally the
 * file extension. Pure and total: anything unreadable is Unknown.
 */
export function parseQualityName(name: string): QualityDefinition {
  const fromName = qualityFromName(name);
  return fromName !== UNKNOWN_QUALITY ? fromName : qualityFromExtension(name);
}

/** Radarr's last resort: what the file extension alone implies (`.avi` SDTV, `.mkv` HDTV-720p, `.m2ts` Bluray-720p). */
export function qualityFromExtension(name: string): QualityDefinition {
  const byExtension = qualityNameForExtension(name);
  return byExtension ? q(byExtension) : UNKNOWN_QUALITY;
}

export function parseRevision(rawName: string): QualityRevision {
  const name = rawName.replace(/_/g, ' ').trim();
  let version = PROPER.test(name) || REPACK.test(name) ? 2 : 1;
  const versioned = VERSION.exec(name);
  if (versioned?.groups) version = Number(versioned.groups.a ?? versioned.groups.b ?? versioned.groups.c);
  return { version, real: name.match(REAL)?.length ?? 0 };
}

/** The quality the words of the name give, without the extension fallback. */
export function qualityFromName(rawName: string): QualityDefinition {
  const name = rawName.replace(/_/g, ' ').trim();
  const source = lastSourceTag(name);
  const resolution = parseResolution(name);
  const codec = CODEC.exec(name)?.groups ?? {};
  const remux = REMUX.test(name);
  const disc = isFullDisc(name);

  if (RAW_HD.test(name) && !disc) return q('Raw-HD');

  switch (source) {
    case 'bluray':
      if (disc) return q('BR-DISK');
      if (codec.xvid || codec.divx) return q('Bluray-480p');
      if (resolution === 2160) return q(remux ? 'Remux-2160p' : 'Bluray-2160p');
      if (resolution === 1080) return q(remux ? 'Remux-1080p' : 'Bluray-1080p');
      if (resolution === 576) return q('Bluray-576p');
      if (resolution === 360 || resolution === 480 || resolution === 540) return q('Bluray-480p');
      // A remux with no resolution is a 1080p one; a 720p "remux" is only a Blu-ray encode.
      return q(remux && resolution !== 720 ? 'Remux-1080p' : 'Bluray-720p');
    case 'webdl':
      return byTier(resolution, 'WEBDL', name.includes('[WEBDL]') ? 'WEBDL-720p' : 'WEBDL-480p');
    case 'webrip':
      return byTier(resolution, 'WEBRip', 'WEBRip-480p');
    case 'scr':
      return q('DVDSCR');
    case 'cam':
      return q('CAM');
    case 'ts':
      return q('TELESYNC');
    case 'tc':
      return q('TELECINE');
    case 'wp':
      return q('WORKPRINT');
    case 'regional':
      return q('REGIONAL');
    case 'hdtv':
      if (MPEG2.test(name)) return q('Raw-HD');
      return byTier(resolution, 'HDTV', name.includes('[HDTV]') ? 'HDTV-720p' : 'SDTV');
    case 'bdrip':
    case 'brrip':
      if (resolution === 576) return q('Bluray-576p');
      return byTier(resolution, 'Bluray', 'Bluray-480p');
    case 'dvdr':
      return q('DVD-R');
    case 'dvd':
      return q('DVD');
    case 'pdtv':
    case 'sdtv':
    case 'dsr':
    case 'tvrip':
      if (resolution === 1080 || /1080p/i.test(name)) return q('HDTV-1080p');
      if (resolution === 720 || /720p/i.test(name) || HIGH_DEF_PDTV.test(name)) return q('HDTV-720p');
      return q('SDTV');
  }

  if (ANIME_BLURAY.test(name)) {
    if (resolution !== 0 && resolution <= 576) return q('DVD');
    if (/480p/i.test(name)) return q('DVD');
    if (resolution === 1080 || /1080p/i.test(name)) return q(remux ? 'Remux-1080p' : 'Bluray-1080p');
    if (resolution === 2160 || /2160p/i.test(name)) return q(remux ? 'Remux-2160p' : 'Bluray-2160p');
    return q(remux ? 'Bluray-1080p' : 'Bluray-720p');
  }

  if (ANIME_WEBDL.test(name)) {
    if ((resolution !== 0 && resolution <= 576) || /480p/i.test(name)) return q('WEBDL-480p');
    if (resolution === 1080 || /1080p/i.test(name)) return q('WEBDL-1080p');
    if (resolution === 2160 || /2160p/i.test(name)) return q('WEBDL-2160p');
    return q('WEBDL-720p');
  }

  if (resolution !== 0) return fromResolutionAlone(name, resolution, remux);

  if (codec.x264) return q('SDTV');
  if (/848x480/i.test(name)) return q(/dvd/.test(name) ? 'DVD' : /bluray/i.test(name) ? 'Bluray-480p' : 'SDTV');
  if (/1280x720/i.test(name)) return q(/bluray/i.test(name) ? 'Bluray-720p' : 'HDTV-720p');
  if (/1920x1080/i.test(name)) return q(/bluray/i.test(name) ? 'Bluray-1080p' : 'HDTV-1080p');
  if (/bluray720p/i.test(name)) return q('Bluray-720p');
  if (/bluray1080p/i.test(name)) return q('Bluray-1080p');
  if (/bluray2160p/i.test(name)) return q('Bluray-2160p');

  const other = OTHER_SOURCE.exec(name)?.groups;
  if (other?.sdtv) return q('SDTV');
  if (other?.hdtv) return q('HDTV-720p');
  return UNKNOWN_QUALITY;
}

/** A resolution with no source tag: a remux is a Blu-ray, else the extension names the source, else TV. */
function fromResolutionAlone(name: string, resolution: Resolution, remux: boolean): QualityDefinition {
  const tier = resolution <= 576 ? 480 : resolution;
  if (remux)
    return tier === 2160
      ? q('Remux-2160p')
      : tier === 1080
        ? q('Remux-1080p')
        : tier === 720
          ? q('Bluray-720p')
          : q('Bluray-480p');
  const byExtension = qualityNameForExtension(name);
  const extensionSource = byExtension ? q(byExtension).source : 'tv';
  if (extensionSource === 'bluray') return byTier(tier, 'Bluray', 'Bluray-480p');
  if (extensionSource === 'dvd') return q('DVD');
  return byTier(tier, 'HDTV', 'SDTV');
}

function byTier(
  resolution: Resolution,
  family: 'WEBDL' | 'WEBRip' | 'HDTV' | 'Bluray',
  fallback: string,
): QualityDefinition {
  if (resolution === 2160 || resolution === 1080 || resolution === 720) return q(`${family}-${resolution}p`);
  return q(fallback);
}

/**
 * Radarr trusts the last source tag. One deliberate difference: a release group named like a low-grade
 * source ("DVDRip.x264-TC") does not override a real source written before it.
 */
function lastSourceTag(name: string): string | undefined {
  if (TRAILING_WEB.test(name)) return 'webdl';
  const tags = [...name.matchAll(SOURCE_TAG)].map((match) => ({ tag: tagOf(match), match }));
  const last = tags.at(-1);
  if (last && tags.length > 1 && LOW_GRADE.has(last.tag) && isGroupSuffix(name, last.match)) return tags.at(-2)?.tag;
  return last?.tag;
}

const LOW_GRADE: ReadonlySet<string> = new Set(['cam', 'ts', 'tc', 'wp', 'scr', 'regional']);

function tagOf(match: RegExpMatchArray): string {
  return SOURCE_TAGS.find((tag) => match.groups?.[tag] !== undefined) ?? '';
}

function isGroupSuffix(name: string, match: RegExpMatchArray): boolean {
  const start = match.index ?? 0;
  return name[start - 1] === '-' && /^[A-Za-z0-9]+(?:\.[a-z0-9]{2,4})?$/.test(name.slice(start).trim());
}

function parseResolution(name: string): Resolution {
  const groups = RESOLUTION.exec(name)?.groups;
  if (groups) {
    for (const [group, value] of [
      ['r360', 360],
      ['r480', 480],
      ['r540', 540],
      ['r576', 576],
      ['r720', 720],
      ['r1080', 1080],
      ['r2160', 2160],
    ] as const) {
      if (groups[group] !== undefined) return value;
    }
  }
  return IMPLIED_2160P.test(name) ? 2160 : 0;
}

/**
 * Radarr's BR-DISK rule: no encode marker anywhere, and either a whole-disc tag or a disc source named with its video
 * codec.
 */
function isFullDisc(name: string): boolean {
  if (NOT_A_DISC.test(name) || ENCODE_1080P_HEVC(name)) return false;
  if (DISC_TAG.test(name)) return true;
  return DISC_SOURCE.test(name) && DISC_CODEC.test(name) && !GERMAN_AFTER_YEAR.test(name);
}
