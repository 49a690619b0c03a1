/*
 * The release-name vocabulary of Radarr's QualityParser (develop, 2024–2025), written as our own regexes.
 * Every pattern is linear: alternations of literals and bounded classes, no nested quantifiers, so a long
 * hostile title cannot make them backtrack catastrophically. Case-insensitive unless said otherwise.
 */

/**
 * Source tags, one named group per Radarr source; Radarr trusts the LAST tag in the name (groups name themselves after
 * it).
 */
const SOURCE_ALTERNATIVES: ReadonlyArray<[string, string]> = [
  ['bluray', String.raw`M?Blu[-_. ]?Ray|HD[-_. ]?DVD|BD(?!$)|UHD2?BD|BDISO|BDMux|BD25|BD50|BR.?DISK`],
  [
    'webdl',
    [
      String.raw`WEB[-_. ]DL(?:mux)?|WEBDL|AmazonHD|AmazonSD|iTunesHD|MaxdomeHD|NetflixU?HD|WebHD|HBOMaxHD|DisneyHD`,
      String.raw`[. ]WEB[. ](?:[xh][ .]?26[45]|AVC|HEVC|DDP?5[. ]1)`,
      String.raw`\d{3,4}0p[-. ](?:Hybrid[-_. ]?)?WEB[-. ]|[-. ]WEB[-. ]\d{3,4}0p`,
      String.raw`\s\/\s?WEB\s?\/\s`,
      String.raw`(?:AMZN|NF|DP)[. -]WEB[. -](?!Rip)`,
    ].join('|'),
  ],
  ['webrip', String.raw`WebRip|Web-Rip|WEBMux|WEBCap`],
  ['hdtv', String.raw`HDTV`],
  ['bdrip', String.raw`BDRip|BDLight|HD[-_. ]?DVDRip|UHDBDRip`],
  ['brrip', String.raw`BRRip`],
  ['dvdr', String.raw`\d?x?M?DVD-?[R59]`],
  ['dvd', String.raw`DVD(?!-R)|DVDRip|xvidvd`],
  ['dsr', String.raw`WS[-_. ]DSR|DSR`],
  ['regional', String.raw`R[0-9]|REGIONAL`],
  ['scr', String.raw`SCR|SCREENER|DVDSCR|DVDSCREENER`],
  ['ts', String.raw`TS[-_. ]|TELESYNCH?|HD-TS|HDTS|PDVD|TSRip|HDTSRip`],
  ['tc', String.raw`TC|TELECINE|HD-TC|HDTC`],
  ['cam', String.raw`CAMRIP|(?:NEW)?CAM|HD-?CAM(?:Rip)?|HQCAM`],
  ['wp', String.raw`WORKPRINT|WP`],
  ['pdtv', String.raw`PDTV`],
  ['sdtv', String.raw`SDTV`],
  ['tvrip', String.raw`TVRip`],
];

export const SOURCE_TAGS: readonly string[] = SOURCE_ALTERNATIVES.map(([name]) => name);

export const SOURCE_TAG = new RegExp(
  String.raw`\b(?:${SOURCE_ALTERNATIVES.map(([name, body]) => `(?<${name}>${body})`).join('|')})(?:\b|$|[ .])`,
  'gi',
);
/** "… 1080p Viva MKV WEB": a bare upper-case WEB at the very end; lower-case "web" there is a title word. */
export const TRAILING_WEB = /[. ]WEB$/;

/** First match wins, and the groups are tried in this order. */
export const RESOLUTION = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`(?<r360>360p)`,
      String.raw`(?<r480>480[pi]|640x480|848x480)`,
      String.raw`(?<r540>540p)`,
      String.raw`(?<r576>576[pi])`,
      String.raw`(?<r720>720p|1280x720|960p)`,
      String.raw`(?<r1080>1080p|1920x1080|1440p|FHD|1080i|4kto1080p)`,
      String.raw`(?<r2160>2160p|3840x2160|4k[-_. ](?:UHD|HEVC|BD|H\.?265)|(?:UHD|HEVC|BD|H\.?265)[-_. ]4k)`,
    ].join('|') +
    String.raw`)\b`,
  'i',
);
/** Only when no explicit resolution is written: "UHD" or "[4K]" alone means 2160p. */
export const IMPLIED_2160P = /\bUHD\b|\[4K\]/i;

export const REMUX =
  /(?:[_. [(]|\d{4}p-|\bHybrid-)(?:(?:BD|UHD)[-_. ]?)?Remux\b|\b(?:(?:BD|UHD)[-_. ]?)?Remux[_. ]\d{4}p/i;
export const RAW_HD = /\b(?:RawHD|Raw[-_. ]HD)\b/i;
/** Case-sensitive, as in Radarr: an upper-case MPEG2 next to HDTV is a raw broadcast capture. */
export const MPEG2 = /\bMPEG[-_. ]?2\b/;

/** Words that mark an encode (or a remux), which a full disc never carries. */
export const NOT_A_DISC = new RegExp(
  String.raw`\b(?:(?<!HD[-_. ]?)DVD|BDRip|720p|MKV|XviD|WMV|d3g|(?:BD)?REMUX|[xh][-_. ]?26[45]|German\b.*\b[DM]L)\b`,
  'i',
);
export const ENCODE_1080P_HEVC = (name: string): boolean => /\b1080p\b/i.test(name) && /\bHEVC\b/i.test(name);
/** German scene encodes name the disc codec (AVC) after the year; Radarr does not read those as discs. */
export const GERMAN_AFTER_YEAR = /\d{4}\b.*\bGerman\b/i;
/** Tags that on their own say "the whole disc". */
export const DISC_TAG = new RegExp(
  String.raw`\b(?:COMPLETE|ISO|BDISO|BDMV|UNTOUCHED|BR[-_. ]?DISK|(?:BD|HD)[-_. ]?(?:25|50|66|100)|` +
    String.raw`(?:COMPLETE|FULL)[-_. ]?Blu[-_. ]?Ray)\b`,
  'i',
);
/** A disc source named together with the disc's video codec, e.g. "Blu-ray AVC DTS-HD MA 5.1". */
export const DISC_SOURCE = /\b(?:Blu[-_. ]?Ray|BD|HD[-_. ]?DVD|UHD2?BD)\b/i;
export const DISC_CODEC = /\b(?:AVC|HEVC|VC[-_. ]?1|MVC|MPEG[-_. ]?2)\b/i;

export const CODEC = /\b(?:(?<x264>x264)|(?<h264>h264)|(?<xvidhd>XvidHD)|(?<xvid>X-?vid)|(?<divx>divx))\b/i;
export const OTHER_SOURCE = /(?<hdtv>HD[-_. ]TV)|(?<sdtv>SD[-_. ]TV)/i;
export const ANIME_BLURAY = /bd(?:720|1080|2160)|(?<=[-_. ([])bd(?=[-_. )\]])/i;
/** Anime web releases: a `[WEB]` bracket, or a group that only ever releases web captures. */
export const ANIME_WEBDL = /\[WEB\]|[[(]WEB[ .]|\[(?:SubsPlease|Erai-raws)\]/i;
/** "HR.WS.PDTV": a high-resolution widescreen broadcast, 720p. */
export const HIGH_DEF_PDTV = /hr[-_. ]ws/i;

export const PROPER = /\bproper\b/i;
export const REPACK = /\b(?:repack|rerip)\d?\b/i;
/** Anime "01v2", "x264.v2-GRP", "[v3]", and REPACK2. */
export const VERSION = /\d[-._ ]?v(?<a>\d)(?:\b|[-._ ])|\[v(?<b>\d)\]|(?:repack|rerip)(?<c>\d)\b/i;
/** Case-sensitive: "REAL" is a scene tag, "Real" a word of the title. */
export const REAL = /\bREAL\b/g;
