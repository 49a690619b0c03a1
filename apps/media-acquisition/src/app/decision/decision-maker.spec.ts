import { decide } from './decision-maker';
import type { CandidateRelease, MovieInfo } from './decision.types';
import { DEFAULT_QUALITY_PROFILE, type QualityProfile } from './quality-profile';
import type { RejectionCode } from './rejection.constants';
import { aRelease, DUNE, GB } from './testing';

const MB = GB / 1024;

interface Row {
  title: string;
  quality: string;
  codes: RejectionCode[];
  movie?: MovieInfo;
  size?: number;
}

// Real scene/P2P naming. Expectations are the Radarr quality and the rejection codes under DEFAULT_QUALITY_PROFILE,
// searched for Dune (2021, 155 min) unless the row names another movie. Sizes default to 8 GB.
const TITLES: Row[] = [
  // Remux and full discs: not in the default profile.
  {
    title: 'Dune.2021.1080p.BluRay.REMUX.AVC.DTS-HD.MA.TrueHD.7.1.Atmos-FGT',
    quality: 'Remux-1080p',
    codes: ['qualityNotAllowed'],
  },
  { title: 'Dune.2021.1080p.Remux.AVC.DTS-HD-FGT', quality: 'Remux-1080p', codes: ['qualityNotAllowed'] },
  {
    title: 'Dune.2021.UHD.BluRay.2160p.TrueHD.Atmos.7.1.HEVC.REMUX-FraMeSToR',
    quality: 'Remux-2160p',
    codes: ['qualityNotAllowed'],
  },
  {
    title: 'Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-TRiToN',
    quality: 'Remux-2160p',
    codes: ['qualityNotAllowed'],
    movie: { title: 'Dune: Part Two', year: 2024, runtimeMinutes: 166 },
  },
  { title: 'Dune.2021.COMPLETE.BLURAY-TRiToN', quality: 'BR-DISK', codes: ['qualityNotAllowed'], size: 45 * GB },
  { title: 'Dune.2021.COMPLETE.UHD.BLURAY-TERMiNAL', quality: 'BR-DISK', codes: ['qualityNotAllowed'], size: 80 * GB },
  { title: 'Dune.2021.BD25.1080p-Group', quality: 'BR-DISK', codes: ['qualityNotAllowed'] },
  // Theatre captures.
  { title: 'Dune.2021.HDCAM.x264-AOC', quality: 'CAM', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.CAM.x264-PrisM', quality: 'CAM', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.1080p.HDCAM.x264-EVO', quality: 'CAM', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.HDTS.x264-AOC', quality: 'TELESYNC', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.TS.x264-PrisM', quality: 'TELESYNC', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.HD-TS.x264-EVO', quality: 'TELESYNC', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.720p.HDTS.x264-EVO', quality: 'TELESYNC', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.TELESYNC.XviD-EVO', quality: 'TELESYNC', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.TELECINE.x264-EVO', quality: 'TELECINE', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.HDTC.x264-EVO', quality: 'TELECINE', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.WORKPRINT.XviD-EVO', quality: 'WORKPRINT', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.DVDSCR.x264-COALiTiON', quality: 'DVDSCR', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.R5.XviD-EVO', quality: 'REGIONAL', codes: ['qualityNotAllowed'] },
  // PROPER / REPACK / REAL keep the quality; the revision is checked in the parser spec.
  { title: 'Dune.2021.PROPER.1080p.BluRay.x264-GECKOS', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune.2021.REAL.PROPER.1080p.BluRay.x264-GECKOS', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune.2021.REPACK.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX', quality: 'WEBDL-1080p', codes: [] },
  // 2160p: not wanted by an HD profile.
  {
    title: 'Dune.2021.2160p.UHD.WEB-DL.DDP5.1.Atmos.HDR.HEVC-FLUX',
    quality: 'WEBDL-2160p',
    codes: ['qualityNotAllowed'],
  },
  { title: 'Dune.2021.2160p.WEB.H265-NAISU', quality: 'WEBDL-2160p', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.2160p.BluRay.x265.10bit.HDR-SWTYBLZ', quality: 'Bluray-2160p', codes: ['qualityNotAllowed'] },
  // The wanted tiers, x264 and x265 alike.
  { title: 'Dune.2021.1080p.BluRay.x265.HEVC.10bit.AAC.5.1-Tigole', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune.2021.1080p.BDRip.x264-SPARKS', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune.2021.Extended.IMAX.1080p.BluRay.x264-GRP', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune (2021) [1080p] [BluRay] [5.1] [YTS.MX]', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune.2021.1080p.AMZN.WEB-DL.DDP5.1.H.264-NTb', quality: 'WEBDL-1080p', codes: [] },
  { title: 'Dune.2021.1080p.WEB.H264-NAISU', quality: 'WEBDL-1080p', codes: [] },
  { title: 'Dune.2021.1080p.WEBRip.x265-RARBG', quality: 'WEBRip-1080p', codes: [] },
  { title: 'Dune.2021.720p.BluRay.x264-SPARKS', quality: 'Bluray-720p', codes: [] },
  { title: 'Dune.2021.720p.WEB-DL.DDP5.1.H.264-EVO', quality: 'WEBDL-720p', codes: [] },
  { title: 'Dune.2021.720p.WEBRip.x264-GalaxyRG', quality: 'WEBRip-720p', codes: [] },
  // Languages are not judged (no language specification yet).
  { title: 'Dune.2021.MULTi.1080p.BluRay.x264-LOST', quality: 'Bluray-1080p', codes: [] },
  { title: 'Dune.2021.FRENCH.1080p.WEB-DL.x264-EXTREME', quality: 'WEBDL-1080p', codes: [] },
  { title: 'Dune.2021.GERMAN.DL.1080p.BluRay.x264-DETAiLS', quality: 'Bluray-1080p', codes: [] },
  // Samples.
  { title: 'Dune.2021.1080p.BluRay.x264.sample-SPARKS', quality: 'Bluray-1080p', codes: ['sample'], size: 50 * MB },
  {
    title: 'Dune.2021.1080p.BluRay.REMUX-Sample',
    quality: 'Remux-1080p',
    codes: ['qualityNotAllowed', 'sample'],
    size: 60 * MB,
  },
  // Wrong movie: other year, other title; a year off by one is tolerated like Radarr does.
  { title: 'Dune.1984.1080p.BluRay.x264-CiNEFiLE', quality: 'Bluray-1080p', codes: ['wrongMovie'] },
  { title: 'The.Matrix.1999.1080p.BluRay.x264-AMIABLE', quality: 'Bluray-1080p', codes: ['wrongMovie'] },
  { title: 'Dune.2020.1080p.BluRay.x264-SPARKS', quality: 'Bluray-1080p', codes: [] },
  // SD and TV sources.
  { title: 'Dune.2021.DVDRip.x264-SPARKS', quality: 'DVD', codes: ['qualityNotAllowed'] },
  // Radarr reads an XviD Blu-ray rip as Bluray-480p.
  { title: 'Dune.2021.BDRip.XviD-SPARKS', quality: 'Bluray-480p', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.PAL.DVDR-GRP', quality: 'DVD-R', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.HDTV.x264-BATV', quality: 'SDTV', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.720p.HDTV.x264-DIMENSION', quality: 'HDTV-720p', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.1080p.HDTV.x264-DIMENSION', quality: 'HDTV-1080p', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.1080i.HDTV.MPEG2-BLAH', quality: 'Raw-HD', codes: ['qualityNotAllowed'] },
  // HDRip is no source to Radarr; an x264 with nothing else is SDTV.
  { title: 'Dune.2021.HC.HDRip.x264-EVO', quality: 'SDTV', codes: ['qualityNotAllowed'] },
  // Groups named like a source: Radarr alone says TELECINE here; we let the real source win.
  { title: 'Dune.2021.DVDRip.x264-TC', quality: 'DVD', codes: ['qualityNotAllowed'] },
  { title: 'Dune.2021.1080p.WEB-DL.DDP5.1.Atmos.H.264-TS', quality: 'WEBDL-1080p', codes: [] },
  // Titles the parser cuts or mangles, repaired in parseReleaseQuality.
  {
    title: 'Real.Steel.2011.1080p.BluRay.x264-SPARKS',
    quality: 'Bluray-1080p',
    codes: [],
    movie: { title: 'Real Steel', year: 2011 },
  },
  {
    title: 'Cam.2018.1080p.NF.WEB-DL.DDP5.1.x264-NTG',
    quality: 'WEBDL-1080p',
    codes: [],
    movie: { title: 'Cam', year: 2018 },
  },
  // Punctuation and diacritics in the movie title.
  {
    title: 'Mission.Impossible.1996.1080p.BluRay.x264-AMIABLE',
    quality: 'Bluray-1080p',
    codes: [],
    movie: { title: 'Mission: Impossible', year: 1996 },
  },
  {
    title: 'Spider-Man.No.Way.Home.2021.1080p.WEB-DL.x264-EVO',
    quality: 'WEBDL-1080p',
    codes: [],
    movie: { title: 'Spider-Man: No Way Home', year: 2021 },
  },
  {
    title: 'Amelie.2001.FRENCH.1080p.BluRay.x264-LOST',
    quality: 'Bluray-1080p',
    codes: [],
    movie: { title: 'Amélie', year: 2001 },
  },
  // Unparsable: no year. The parser takes "1080p" as the title, so wrongMovie is reported as well.
  { title: '1080p.BluRay.x264-NOGRP', quality: 'Bluray-1080p', codes: ['unableToParse', 'wrongMovie'] },
  // Known limitations, pinned to the real behaviour:
  // a resolution with no source (nor extension) is HDTV to Radarr;
  { title: '[YTS] Dune (2021) [1080p]', quality: 'HDTV-1080p', codes: ['qualityNotAllowed'] },
  // a source token before the year ends up inside the title.
  { title: 'Dune.HDCAM.2021', quality: 'CAM', codes: ['wrongMovie', 'qualityNotAllowed'] },
];

describe('decide: real-world titles under the default profile', () => {
  it('covers at least 40 titles', () => {
    expect(TITLES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TITLES)('$title → $quality $codes', ({ title, quality, codes, movie, size }) => {
    const release = aRelease({ title, size: size ?? 8 * GB });

    const [decision] = decide([release], movie ?? DUNE, DEFAULT_QUALITY_PROFILE, { blocklist: [] });

    expect(decision.quality.name).toBe(quality);
    expect(decision.rejections.map((r) => r.code)).toEqual(codes);
    expect(decision.approved).toBe(codes.length === 0);
    expect(decision.rank).toBe(codes.length === 0 ? 1 : undefined);
  });
});

describe('decide: ranking', () => {
  const candidates: Record<string, CandidateRelease> = {
    bluray: aRelease({ guid: 'bluray', title: 'Dune.2021.1080p.BluRay.x264-A', seeders: 100, size: 10 * GB }),
    blurayProper: aRelease({
      guid: 'blurayProper',
      title: 'Dune.2021.PROPER.1080p.BluRay.x264-B',
      seeders: 3,
      size: 9 * GB,
    }),
    blurayPreferredIndexer: aRelease({
      guid: 'blurayPreferredIndexer',
      title: 'Dune.2021.1080p.BluRay.x264-C',
      indexerPriority: 10,
      seeders: 5,
    }),
    blurayWellSeeded: aRelease({
      guid: 'blurayWellSeeded',
      title: 'Dune.2021.1080p.BluRay.x264-D',
      seeders: 1000,
      size: 6 * GB,
    }),
    blurayBigger: aRelease({
      guid: 'blurayBigger',
      title: 'Dune.2021.1080p.BluRay.x264-E',
      seeders: 120,
      size: 14 * GB,
    }),
    webdlNearPreferred: aRelease({
      guid: 'webdlNearPreferred',
      title: 'Dune.2021.1080p.WEB-DL.H.264-F',
      seeders: 5000,
      size: 14 * GB,
    }),
    webdlFarFromPreferred: aRelease({
      guid: 'webdlFarFromPreferred',
      title: 'Dune.2021.1080p.WEB-DL.H.264-G',
      seeders: 5000,
      size: 15 * GB,
    }),
    webripFreeleech: aRelease({
      guid: 'webripFreeleech',
      title: 'Dune.2021.1080p.WEBRip.x264-H',
      size: 6 * GB,
      indexerFlags: ['G_Freeleech'],
    }),
    webripLarger: aRelease({ guid: 'webripLarger', title: 'Dune.2021.1080p.WEBRip.x264-I', size: 12 * GB }),
    bluray720: aRelease({ guid: 'bluray720', title: 'Dune.2021.720p.BluRay.x264-J', seeders: 9000 }),
    remux: aRelease({ guid: 'remux', title: 'Dune.2021.1080p.BluRay.REMUX.AVC-K', size: 30 * GB }),
    cam: aRelease({ guid: 'cam', title: 'Dune.2021.HDCAM.x264-L', seeders: 9000 }),
  };
  const all = Object.values(candidates);

  function order(profile: QualityProfile): { guid: string; rank?: number }[] {
    return decide(all, DUNE, profile, { blocklist: [] }).map((d) => ({ guid: d.release.guid, rank: d.rank }));
  }

  it('orders by quality, revision, indexer priority, seeders bucket and size; rejected last', () => {
    // Arrange: freeleech is ignored because the default profile does not prefer indexer flags.
    const profile = DEFAULT_QUALITY_PROFILE;

    // Act
    const result = order(profile);

    // Assert
    expect(result).toEqual([
      { guid: 'blurayProper', rank: 1 }, // revision beats everything within the quality
      { guid: 'blurayPreferredIndexer', rank: 2 }, // priority 10 beats the default 25
      { guid: 'blurayWellSeeded', rank: 3 }, // log10(1000)=3 beats log10(100..120)=2
      { guid: 'blurayBigger', rank: 4 }, // same bucket; Bluray-1080p has no preferred size, so bigger wins
      { guid: 'bluray', rank: 5 },
      { guid: 'webdlNearPreferred', rank: 6 }, // 14 GB is closer than 15 GB to 155 min × 95 MB
      { guid: 'webdlFarFromPreferred', rank: 7 },
      { guid: 'webripLarger', rank: 8 }, // 12 GB is closer to the preferred 14.4 GB than 6 GB
      { guid: 'webripFreeleech', rank: 9 },
      { guid: 'bluray720', rank: 10 },
      { guid: 'remux', rank: undefined }, // rejected ones follow, in the same order for display
      { guid: 'cam', rank: undefined },
    ]);
  });

  it('lets freeleech win a tie only when the profile prefers indexer flags', () => {
    // Arrange
    const profile = { ...DEFAULT_QUALITY_PROFILE, preferIndexerFlags: true };

    // Act
    const webrips = order(profile).filter((d) => d.guid.startsWith('webrip'));

    // Assert
    expect(webrips).toEqual([
      { guid: 'webripFreeleech', rank: 8 },
      { guid: 'webripLarger', rank: 9 },
    ]);
  });

  it('returns an empty list for no candidates', () => {
    expect(decide([], DUNE, DEFAULT_QUALITY_PROFILE, { blocklist: [] })).toEqual([]);
  });

  it('reports every rejection, not only the first', () => {
    // Arrange
    const release = aRelease({ title: 'The.Matrix.1999.HDCAM.sample-X', size: 10 * MB, seeders: 0 });

    // Act
    const [decision] = decide([release], DUNE, DEFAULT_QUALITY_PROFILE, { blocklist: [{ guid: release.guid }] });

    // Assert
    expect(decision.rejections.map((r) => r.code)).toEqual([
      'wrongMovie',
      'qualityNotAllowed',
      'minimumSeeders',
      'sample',
      'blocklisted',
    ]);
  });
});
