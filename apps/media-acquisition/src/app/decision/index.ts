export { decide } from './decision-maker';
export { compareReleases, bestFirst } from './decision.comparer';
export type { ComparerContext } from './decision.comparer';
export type {
  BlocklistEntry,
  CandidateRelease,
  Decision,
  DecisionContext,
  EvaluatedRelease,
  MovieInfo,
  Rejection,
  Specification,
} from './decision.types';
export { REJECTION_CODES } from './rejection.constants';
export type { RejectionCode } from './rejection.constants';
export { QUALITY_DEFINITIONS, UNKNOWN_QUALITY, findQualityByName } from './quality.constants';
export type { QualityDefinition, QualityModifier, QualitySource } from './quality.constants';
export { DEFAULT_QUALITY_PROFILE } from './quality-profile';
export type { QualityProfile, QualityProfileItem } from './quality-profile';
export { validateQualityProfile } from './quality-profile.validator';
export type { QualityProfileProblem } from './quality-profile.validator';
export { parseReleaseQuality } from './release-quality.parser';
export type { ParsedRelease, ReleaseQuality, ReleaseRevision } from './release-quality.parser';
export { normalizeMovieTitle } from './movie-title.normalizer';
export { ALL_SPECIFICATIONS } from './specifications';
