import type { Specification } from '../decision.types';

export const qualityAllowedSpecification: Specification = ({ quality }, { profile }) => {
  const allowed = profile.items.some((item) => item.allowed && item.quality === quality.name);
  return allowed
    ? undefined
    : { code: 'qualityNotAllowed', message: `Quality ${quality.name} is not wanted in profile ${profile.name}` };
};
