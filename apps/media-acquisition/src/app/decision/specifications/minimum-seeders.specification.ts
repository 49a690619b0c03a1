import type { Specification } from '../decision.types';

/**
 * Radarr `TorrentSeedingSpecification`: usenet has no seeders, and an indexer that reports none is given the benefit of
 * the doubt.
 */
export const minimumSeedersSpecification: Specification = ({ release }, { profile }) => {
  if (release.protocol !== 'torrent' || release.seeders === undefined || release.seeders === null) return undefined;
  return release.seeders < profile.minSeeders
    ? {
        code: 'minimumSeeders',
        message: `Not enough seeders: ${release.seeders}. Minimum seeders: ${profile.minSeeders}`,
      }
    : undefined;
};
