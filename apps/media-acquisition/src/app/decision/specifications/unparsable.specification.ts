import type { Specification } from '../decision.types';

/** Radarr's movie title regexes all need a year; without title and year there is nothing to match a movie against. */
export const unparsableSpecification: Specification = ({ release, parsed }) =>
  parsed.title && parsed.year !== undefined
    ? undefined
    : { code: 'unableToParse', message: `Unable to parse release "${release.title}" (no movie title and year found)` };
