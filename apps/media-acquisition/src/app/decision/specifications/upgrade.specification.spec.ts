import { DEFAULT_QUALITY_PROFILE } from '../quality-profile';
import { aContext, DUNE, evaluated } from '../testing';
import { upgradeSpecification } from './upgrade.specification';

const withFile = (quality: string, version = 1) =>
  aContext({ movie: { ...DUNE, existingFile: { quality, revision: { version, real: 0 } } } });

describe('upgradeSpecification', () => {
  it('lets anything through when the movie has no file yet', () => {
    expect(upgradeSpecification(evaluated({ title: 'Dune.2021.720p.WEB-DL.H264-GRP' }), aContext())).toBeUndefined();
  });

  it.each([
    ['a better quality below the cutoff', 'WEBDL-1080p', 'Dune.2021.1080p.BluRay.x264-GRP', undefined],
    ['a worse quality', 'WEBDL-1080p', 'Dune.2021.720p.BluRay.x264-GRP', 'notAnUpgrade'],
    ['the same quality and revision', 'WEBDL-1080p', 'Dune.2021.1080p.WEB-DL.H264-GRP', 'notAnUpgrade'],
    ['the same quality as a PROPER', 'WEBDL-1080p', 'Dune.2021.PROPER.1080p.WEB-DL.H264-GRP', undefined],
    ['anything once the file meets the cutoff', 'Bluray-1080p', 'Dune.2021.PROPER.1080p.BluRay.x264-GRP', 'cutoffMet'],
  ])('%s', (_case, existing, title, code) => {
    // Act
    const rejection = upgradeSpecification(evaluated({ title }), withFile(existing));

    // Assert
    expect(rejection?.code).toBe(code);
  });

  it('refuses every upgrade when the profile turns them off', () => {
    // Arrange
    const context = { ...withFile('WEBRip-720p'), profile: { ...DEFAULT_QUALITY_PROFILE, upgradeAllowed: false } };

    // Act
    const rejection = upgradeSpecification(evaluated({ title: 'Dune.2021.1080p.BluRay.x264-GRP' }), context);

    // Assert
    expect(rejection).toEqual({ code: 'notAnUpgrade', message: 'Upgrades are off in profile HD-1080p' });
  });
});
