import { compareReleases } from './decision.comparer';
import { DEFAULT_QUALITY_PROFILE } from './quality-profile';
import { evaluated, GB } from './testing';

const context = { profile: DEFAULT_QUALITY_PROFILE, runtimeMinutes: 155 };

describe(compareReleases.name, () => {
  it.each([
    [
      'a better quality',
      { title: 'Dune.2021.1080p.BluRay.x264-A' },
      { title: 'Dune.2021.1080p.WEB-DL.H264-B', seeders: 9999 },
    ],
    [
      'a proper over the original',
      { title: 'Dune.2021.PROPER.1080p.BluRay.x264-A', seeders: 1 },
      { title: 'Dune.2021.1080p.BluRay.x264-B' },
    ],
    [
      'REAL over a plain proper',
      { title: 'Dune.2021.REAL.PROPER.1080p.BluRay.x264-A' },
      { title: 'Dune.2021.PROPER.1080p.BluRay.x264-B' },
    ],
    ['a lower indexer priority number', { indexerPriority: 1, seeders: 1 }, { indexerPriority: 2, seeders: 9999 }],
    ['the default priority (25) over 30', {}, { indexerPriority: 30 }],
    ['more seeders by log10 bucket', { seeders: 40 }, { seeders: 20 }],
    ['more peers when seeders tie', { seeders: 20, leechers: 80 }, { seeders: 20, leechers: 0 }],
    ['the larger size for a quality without preferred size', { size: 12 * GB }, { size: 10 * GB }],
    [
      'the size nearest runtime × preferred when the quality has one',
      { title: 'Dune.2021.1080p.WEB-DL.H264-A', size: 14 * GB },
      { title: 'Dune.2021.1080p.WEB-DL.H264-B', size: 17 * GB },
    ],
  ])('prefers %s', (_case, better, worse) => {
    // Arrange
    const a = evaluated(better);
    const b = evaluated(worse);

    // Act / Assert: antisymmetric
    expect(compareReleases(a, b, context)).toBe(1);
    expect(compareReleases(b, a, context)).toBe(-1);
  });

  it.each([
    ['seeders in the same log10 bucket', { seeders: 100 }, { seeders: 120 }],
    ['sizes within one 200 MB bucket', { size: 10 * GB }, { size: 10 * GB + 50 * 1024 * 1024 }],
    ['undefined and zero seeders', { seeders: undefined, leechers: undefined }, { seeders: 0, leechers: 0 }],
    ['freeleech when flags are not preferred', { indexerFlags: ['G_Freeleech'] }, { indexerFlags: [] }],
    ['seeders on usenet', { protocol: 'usenet' as const, seeders: 1000 }, { protocol: 'usenet' as const, seeders: 1 }],
  ])('ties on %s', (_case, x, y) => {
    expect(compareReleases(evaluated(x), evaluated(y), context)).toBe(0);
  });

  it('scores indexer flags when the profile prefers them', () => {
    // Arrange
    const flagged = { ...context, profile: { ...DEFAULT_QUALITY_PROFILE, preferIndexerFlags: true } };
    const freeleech = evaluated({ indexerFlags: ['G_Freeleech'], seeders: 1 });
    const halfleechInternal = evaluated({ indexerFlags: ['G_Halfleech', 'G_Internal'], seeders: 1 });
    const halfleech = evaluated({ indexerFlags: ['halfleech'], seeders: 9999 });

    // Act / Assert: 3 > 2 > 1
    expect(compareReleases(halfleechInternal, freeleech, flagged)).toBe(1);
    expect(compareReleases(freeleech, halfleech, flagged)).toBe(1);
  });

  it('falls back to larger-wins when the runtime is unknown', () => {
    // Arrange
    const noRuntime = { profile: DEFAULT_QUALITY_PROFILE };
    const bigger = evaluated({ title: 'Dune.2021.1080p.WEB-DL.H264-A', size: 17 * GB });
    const nearPreferred = evaluated({ title: 'Dune.2021.1080p.WEB-DL.H264-B', size: 14 * GB });

    // Act / Assert
    expect(compareReleases(bigger, nearPreferred, noRuntime)).toBe(1);
  });
});
