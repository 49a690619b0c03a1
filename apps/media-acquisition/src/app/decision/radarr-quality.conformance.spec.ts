import { parseReleaseQuality } from './release-quality.parser';
import { RADARR_QUALITY_CASES, RADARR_QUALITY_KNOWN_DIFFERENCES } from './radarr-quality.fixtures';

const knownDifferences = new Set(RADARR_QUALITY_KNOWN_DIFFERENCES.map((difference) => difference.title));

describe('Radarr QualityParserFixture conformance', () => {
  const supported = RADARR_QUALITY_CASES.filter(([title]) => !knownDifferences.has(title));

  it.each(supported)('reads %j as %s (revision %d)', (title, expectedQuality, expectedVersion) => {
    // Act
    const { quality, revision } = parseReleaseQuality(title);

    // Assert
    expect({ quality: quality.name, version: revision.version }).toEqual({
      quality: expectedQuality,
      version: expectedVersion,
    });
  });

  it('keeps the known differences few and real', () => {
    // Arrange
    const titles = new Set(RADARR_QUALITY_CASES.map(([title]) => title));

    // Act
    const passRate =
      RADARR_QUALITY_CASES.filter(([title, name]) => parseReleaseQuality(title).quality.name === name).length /
      RADARR_QUALITY_CASES.length;

    // Assert
    expect(RADARR_QUALITY_KNOWN_DIFFERENCES.every((difference) => titles.has(difference.title))).toBe(true);
    expect(passRate).toBeGreaterThanOrEqual(0.98);
  });
});
