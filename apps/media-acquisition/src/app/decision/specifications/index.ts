import type { Specification } from '../decision.types';
import { acceptableSizeSpecification } from './acceptable-size.specification';
import { blocklistedSpecification } from './blocklisted.specification';
import { minimumSeedersSpecification } from './minimum-seeders.specification';
import { qualityAllowedSpecification } from './quality-allowed.specification';
import { sampleSpecification } from './sample.specification';
import { unparsableSpecification } from './unparsable.specification';
import { upgradeSpecification } from './upgrade.specification';
import { wrongMovieSpecification } from './wrong-movie.specification';

export {
  acceptableSizeSpecification,
  blocklistedSpecification,
  minimumSeedersSpecification,
  qualityAllowedSpecification,
  sampleSpecification,
  unparsableSpecification,
  upgradeSpecification,
  wrongMovieSpecification,
};

/** Parsing-level checks first so the UI lists the root cause first; every one runs regardless (see decision-maker). */
export const ALL_SPECIFICATIONS: readonly Specification[] = [
  unparsableSpecification,
  wrongMovieSpecification,
  qualityAllowedSpecification,
  acceptableSizeSpecification,
  minimumSeedersSpecification,
  sampleSpecification,
  blocklistedSpecification,
  upgradeSpecification,
];
