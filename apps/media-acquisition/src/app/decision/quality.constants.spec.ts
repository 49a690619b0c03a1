import { QUALITY_DEFINITIONS, findQualityByName, qualityByName } from './quality.constants';

describe('QUALITY_DEFINITIONS', () => {
  it('holds every Radarr quality id exactly once', () => {
    const ids = QUALITY_DEFINITIONS.map((q) => q.id).sort((a, b) => a - b);
    expect(ids).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
    ]);
  });

  it.each([
    ['Bluray-1080p', 7, null],
    ['Remux-2160p', 31, null],
    ['WEBDL-2160p', 18, null],
    ['WEBDL-1080p', 3, 100],
    ['CAM', 25, 100],
  ])('%s has id %i and max %s MB/min', (name, id, max) => {
    expect(qualityByName(name)).toMatchObject({ id, maxSize: max, minSize: 0 });
  });

  it('returns undefined for an unknown name and throws from the strict lookup', () => {
    expect(findQualityByName('Bluray-4320p')).toBeUndefined();
    expect(() => qualityByName('Bluray-4320p')).toThrow('Unknown Radarr quality');
  });
});
