import { SAMPLE_MAX_BYTES } from '../decision.constants';
import type { Specification } from '../decision.types';

/**
 * Radarr `NotSampleSpecification` checks "title contains sample and size < 70 MB". A `sample` token after the movie
 * title is rejected at any size too: indexers often report 0 or the pack size for sample uploads.
 */
export const sampleSpecification: Specification = ({ release, parsed }) => {
  const smallWithSampleInTitle =
    release.title.toLowerCase().includes('sample') && release.size > 0 && release.size < SAMPLE_MAX_BYTES;
  return parsed.isSample || smallWithSampleInTitle ? { code: 'sample', message: 'Sample release' } : undefined;
};
