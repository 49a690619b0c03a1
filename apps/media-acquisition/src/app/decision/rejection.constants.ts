/** Stable codes the API and UI can switch on; the messages next to them are for humans and may change. */
export const REJECTION_CODES = [
  'unableToParse',
  'wrongMovie',
  'qualityNotAllowed',
  'belowMinimumSize',
  'aboveMaximumSize',
  'minimumSeeders',
  'blocklisted',
  'sample',
  'notAnUpgrade',
  'cutoffMet',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];
