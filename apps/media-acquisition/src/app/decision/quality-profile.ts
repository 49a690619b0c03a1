import { QUALITY_DEFINITIONS } from './quality.constants';

export interface QualityProfileItem {
  /** Radarr quality name, e.g. `Bluray-1080p`. */
  quality: string;
  allowed: boolean;
}

export interface QualityProfile {
  name: string;
  /** Ordered worst → best, as Radarr stores them: the position is the rank. */
  items: QualityProfileItem[];
  cutoff: string;
  minSeeders: number;
  /** Let freeleech/internal/double-upload flags break ties (Radarr default: off). */
  preferIndexerFlags: boolean;
  upgradeAllowed: boolean;
}

const WANTED_WORST_FIRST = ['WEBRip-720p', 'WEBDL-720p', 'Bluray-720p', 'WEBRip-1080p', 'WEBDL-1080p', 'Bluray-1080p'];
const wanted = new Set(WANTED_WORST_FIRST);

/**
 * 1080p first (Blu-ray > WEB-DL > WEBRip), then the same at 720p. HDTV-720p stays out: a TV capture of a movie carries
 * channel logos and cut scenes, and the 720p WEB releases that exist for nearly every film are better.
 * CAM, TELESYNC and BR-DISK (a whole disc image no player can import) are not allowed, like everything unlisted.
 */
export const DEFAULT_QUALITY_PROFILE: QualityProfile = {
  name: 'HD-1080p',
  items: [
    ...QUALITY_DEFINITIONS.filter((q) => !wanted.has(q.name)).map((q) => ({ quality: q.name, allowed: false })),
    ...WANTED_WORST_FIRST.map((quality) => ({ quality, allowed: true })),
  ],
  cutoff: 'Bluray-1080p',
  minSeeders: 1,
  preferIndexerFlags: false,
  upgradeAllowed: true,
};
