import { DEFAULT_QUALITY_PROFILE, type QualityProfile } from './quality-profile';
import { validateQualityProfile } from './quality-profile.validator';

describe(validateQualityProfile.name, () => {
  it('accepts the default profile', () => {
    expect(validateQualityProfile(DEFAULT_QUALITY_PROFILE)).toEqual([]);
  });

  it('reports every problem at once', () => {
    // Arrange
    const profile: QualityProfile = {
      ...DEFAULT_QUALITY_PROFILE,
      name: ' ',
      items: [
        { quality: 'Bluray-1080p', allowed: false },
        { quality: 'Bluray-1080p', allowed: false },
        { quality: 'Bluray-4320p', allowed: false },
      ],
      cutoff: 'Bluray-1080p',
      minSeeders: -1,
    };

    // Act
    const problems = validateQualityProfile(profile);

    // Assert
    expect(problems.map((p) => p.code)).toEqual([
      'emptyName',
      'duplicateQuality',
      'unknownQuality',
      'noAllowedQuality',
      'cutoffNotAllowed',
      'invalidMinSeeders',
    ]);
    expect(problems[2].message).toBe('Unknown quality "Bluray-4320p"');
  });

  it('rejects a cutoff that is listed but not allowed', () => {
    // Arrange
    const profile = { ...DEFAULT_QUALITY_PROFILE, cutoff: 'Remux-1080p' };

    // Act / Assert
    expect(validateQualityProfile(profile)).toEqual([
      { code: 'cutoffNotAllowed', message: 'Cutoff "Remux-1080p" must be one of the allowed qualities' },
    ]);
  });
});

describe('DEFAULT_QUALITY_PROFILE', () => {
  it('allows exactly the HD tiers, best last, and lists every quality once', () => {
    const allowed = DEFAULT_QUALITY_PROFILE.items.filter((i) => i.allowed).map((i) => i.quality);
    expect(allowed).toEqual([
      'WEBRip-720p',
      'WEBDL-720p',
      'Bluray-720p',
      'WEBRip-1080p',
      'WEBDL-1080p',
      'Bluray-1080p',
    ]);
    expect(DEFAULT_QUALITY_PROFILE.items.at(-1)?.quality).toBe('Bluray-1080p');
    expect(new Set(DEFAULT_QUALITY_PROFILE.items.map((i) => i.quality)).size).toBe(30);
  });

  it.each(['CAM', 'TELESYNC', 'BR-DISK', 'HDTV-720p'])('does not allow %s', (quality) => {
    expect(DEFAULT_QUALITY_PROFILE.items.find((i) => i.quality === quality)).toEqual({ quality, allowed: false });
  });
});
