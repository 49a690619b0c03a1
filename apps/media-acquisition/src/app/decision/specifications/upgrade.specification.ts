import type { Specification } from '../decision.types';

/**
 * Radarr's upgrade rules against the movie's existing file, in its order: a file that already meets
 * the profile's cutoff is kept (`cutoffMet`); without `upgradeAllowed` nothing replaces it; otherwise
 * only a better quality, or the same quality in a better revision (PROPER/REPACK), is an upgrade.
 */
export const upgradeSpecification: Specification = ({ quality, revision }, { movie, profile }) => {
  const existing = movie.existingFile;
  if (!existing) return undefined;
  const rank = (name: string) => profile.items.findIndex((item) => item.quality === name);
  const current = rank(existing.quality);
  if (current >= 0 && current >= rank(profile.cutoff)) {
    return {
      code: 'cutoffMet',
      message: `The existing ${existing.quality} file already meets the cutoff (${profile.cutoff})`,
    };
  }
  if (!profile.upgradeAllowed) return { code: 'notAnUpgrade', message: `Upgrades are off in profile ${profile.name}` };
  const candidate = rank(quality.name);
  const better =
    candidate > current ||
    (candidate === current &&
      (revision.version > existing.revision.version ||
        (revision.version === existing.revision.version && revision.real > existing.revision.real)));
  return better
    ? undefined
    : { code: 'notAnUpgrade', message: `${quality.name} is not an upgrade of the existing ${existing.quality} file` };
};
