import { findQualityByName } from './quality.constants';
import type { QualityProfile } from './quality-profile';

export interface QualityProfileProblem {
  code:
    | 'emptyName'
    | 'unknownQuality'
    | 'duplicateQuality'
    | 'noAllowedQuality'
    | 'cutoffNotAllowed'
    | 'invalidMinSeeders';
  message: string;
}

/** Every problem at once, so an API can answer 400 with the whole list rather than one error per round trip. */
export function validateQualityProfile(profile: QualityProfile): QualityProfileProblem[] {
  const problems: QualityProfileProblem[] = [];
  if (!profile.name?.trim()) problems.push({ code: 'emptyName', message: 'Profile name must not be empty' });

  const seen = new Set<string>();
  for (const item of profile.items) {
    if (!findQualityByName(item.quality)) {
      problems.push({ code: 'unknownQuality', message: `Unknown quality "${item.quality}"` });
    } else if (seen.has(item.quality)) {
      problems.push({ code: 'duplicateQuality', message: `Quality "${item.quality}" is listed more than once` });
    }
    seen.add(item.quality);
  }

  if (!profile.items.some((item) => item.allowed)) {
    problems.push({ code: 'noAllowedQuality', message: 'At least one quality must be allowed' });
  }
  if (!profile.items.some((item) => item.allowed && item.quality === profile.cutoff)) {
    problems.push({
      code: 'cutoffNotAllowed',
      message: `Cutoff "${profile.cutoff}" must be one of the allowed qualities`,
    });
  }
  if (!Number.isInteger(profile.minSeeders) || profile.minSeeders < 0) {
    problems.push({ code: 'invalidMinSeeders', message: 'minSeeders must be a whole number ≥ 0' });
  }
  return problems;
}
