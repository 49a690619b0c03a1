import { parseReleaseQuality } from './release-quality.parser';
import { QUALITY_RULE_CASES, REVISION_RULE_CASES } from './release-quality.rules.fixtures';

describe('parseReleaseQuality: one real-world title per Radarr rule', () => {
  describe.each(Object.entries(QUALITY_RULE_CASES))('%s', (_rule, cases) => {
    it.each(cases)('%s → %s', (title, expected) => {
      expect(parseReleaseQuality(title).quality.name).toBe(expected);
    });
  });

  it.each(REVISION_RULE_CASES)('reads the revision of %s: version %d, REAL ×%d', (title, version, real) => {
    expect(parseReleaseQuality(title).revision).toEqual({ version, real });
  });

  it('returns on a long hostile title instead of backtracking', () => {
    // Arrange: repeated near-misses for every pattern, and no terminator they could settle on.
    const hostile =
      `Movie.${'HD-'.repeat(3000)}${'Blu-'.repeat(3000)}${'BD.25'.repeat(2000)}` +
      `German${'.D'.repeat(5000)}${'1080'.repeat(2000)}`;

    // Act
    const result = parseReleaseQuality(hostile);

    // Assert
    expect(result.quality.name).toEqual(expect.any(String));
  });
});
