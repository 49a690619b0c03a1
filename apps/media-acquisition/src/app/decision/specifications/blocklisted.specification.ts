import type { BlocklistEntry, CandidateRelease, Specification } from '../decision.types';

/** A guid identifies one upload; a title+indexer pair catches the same upload re-announced under a new guid. */
export const blocklistedSpecification: Specification = ({ release }, { blocklist }) =>
  blocklist.some((entry) => matches(entry, release))
    ? { code: 'blocklisted', message: `Release ${release.title} is blocklisted` }
    : undefined;

function matches(entry: BlocklistEntry, release: CandidateRelease): boolean {
  if (entry.guid !== undefined && entry.guid === release.guid) return true;
  // An entry without an indexer blocks the title on every indexer.
  return (
    entry.title !== undefined &&
    entry.title === release.title &&
    (entry.indexerId === undefined || entry.indexerId === release.indexerId)
  );
}
