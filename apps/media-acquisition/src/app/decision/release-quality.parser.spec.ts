import { parseReleaseQuality } from './release-quality.parser';

describe(parseReleaseQuality.name, () => {
  it.each([
    ['Dune.2021.1080p.BluRay.x264-SPARKS', { version: 1, real: 0 }],
    ['Dune.2021.PROPER.1080p.BluRay.x264-GECKOS', { version: 2, real: 0 }],
    ['Dune.2021.REPACK.1080p.WEB-DL.H.264-FLUX', { version: 2, real: 0 }],
    ['Dune.2021.REAL.PROPER.1080p.BluRay.x264-GECKOS', { version: 2, real: 1 }],
    ['Dune.2021.1080p.BluRay.x264.v2-GRP', { version: 2, real: 0 }],
    // "Real" and "Proper" inside the movie title are not revision tags.
    ['Real.Steel.2011.1080p.BluRay.x264-SPARKS', { version: 1, real: 0 }],
    ['The.Proper.Way.2021.1080p.WEB-DL-GRP', { version: 1, real: 0 }],
  ])('reads the revision of %s', (title, revision) => {
    expect(parseReleaseQuality(title).revision).toEqual(revision);
  });

  it('returns the movie fields', () => {
    // Act
    const { parsed, quality } = parseReleaseQuality('Dune.2021.Extended.GERMAN.DL.1080p.BluRay.x264-DETAiLS');

    // Assert
    expect(quality).toMatchObject({ id: 7, name: 'Bluray-1080p' });
    expect(parsed).toEqual({
      title: 'Dune',
      year: 2021,
      edition: ['extended'],
      editionText: 'Extended',
      languages: ['German'],
      group: 'DETAiLS',
      isSample: false,
    });
  });

  it.each([
    ['Real.Steel.2011.1080p.BluRay.x264-SPARKS', 'Real Steel'],
    ['The.Proper.Way.2021.1080p.WEB-DL-GRP', 'The Proper Way'],
    ['Cam.2018.DVDRip.x264-GROUP', 'Cam'],
    ['Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS', 'Blade Runner 2049'],
    ['2001.A.Space.Odyssey.1968.1080p.BluRay.x264-GRP', '2001 A Space Odyssey'],
  ])('repairs titles the parser cuts short: %s → %s', (title, expected) => {
    expect(parseReleaseQuality(title).parsed.title).toBe(expected);
  });

  it.each([
    ['Cam.2018.DVDRip.x264-GROUP', 'DVD'],
    ['Dune.2021.DVDRip.XviD-TS', 'DVD'],
    // Radarr: a bare trailing "TS" is no tag, and the last source tag wins.
    ['Dune.2021.x264-TS', 'SDTV'],
    ['Dune.2021.DVDSCR.DVDR-GRP', 'DVD-R'],
    ['Dune.2021.BDRemux.1080p-GRP', 'Remux-1080p'],
    ['Dune.2021.1080p.WEB-DL.Remux-GRP', 'WEBDL-1080p'],
    ['Dune.2021.576p.BluRay.x264-GRP', 'Bluray-576p'],
    ['Dune.2021.480p.BluRay.x264-GRP', 'Bluray-480p'],
    ['Dune.2021.2160p.HDTV.x265-GRP', 'HDTV-2160p'],
    ['Dune.2021.2160p.WEBRip.x265-GRP', 'WEBRip-2160p'],
    ['Dune.2021.WEBRip.x264-GRP', 'WEBRip-480p'],
    ['Dune.2021.SDTV.x264-GRP', 'SDTV'],
    ['Dune.HDCAM.2021', 'CAM'],
    ['Some random text', 'Unknown'],
    ['', 'Unknown'],
  ])('maps %s to %s', (title, expected) => {
    expect(parseReleaseQuality(title).quality.name).toBe(expected);
  });

  it.each([
    ['Dune.2021.1080p.BluRay.x264.sample-SPARKS', true],
    ['Dune.2021.1080p.BluRay.REMUX-Sample', true],
    ['Dune.2021.1080p.BluRay.x264-SPARKS', false],
    ['The.Sample.2021.1080p.BluRay.x264-GRP', false],
  ])('flags %s as a sample: %s', (title, expected) => {
    expect(parseReleaseQuality(title).parsed.isSample).toBe(expected);
  });

  it('leaves year undefined when the title has none', () => {
    expect(parseReleaseQuality('Dune.1080p.BluRay.x264-GRP').parsed.year).toBeUndefined();
  });
});
