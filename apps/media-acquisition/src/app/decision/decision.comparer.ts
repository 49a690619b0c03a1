import { DEFAULT_INDEXER_PRIORITY, MEGABYTE, SIZE_BUCKET_BYTES } from './decision.constants';
import type { EvaluatedRelease } from './decision.types';
import type { QualityProfile } from './quality-profile';

export interface ComparerContext {
  profile: QualityProfile;
  runtimeMinutes?: number;
}

type Comparison = (a: EvaluatedRelease, b: EvaluatedRelease, context: ComparerContext) => number;

// Radarr `IndexerFlags` weights; freeleech75/25 are not scored there either.
const FLAG_SCORES: Readonly<Record<string, number>> = {
  freeleech: 2,
  doubleupload: 2,
  internal: 2,
  ptp_approved: 2,
  ptp_golden: 2,
  halfleech: 1,
};

/**
 * Radarr's `DownloadDecisionComparer` without custom formats, protocol preference and usenet age (none exist here yet).
 * Positive when `a` is better; the first comparison that is not a tie decides.
 */
export function compareReleases(a: EvaluatedRelease, b: EvaluatedRelease, context: ComparerContext): number {
  for (const comparison of COMPARISONS) {
    const result = comparison(a, b, context);
    if (result !== 0) return Math.sign(result);
  }
  return 0;
}

/** For `Array.prototype.sort`: best first. */
export function bestFirst(context: ComparerContext): (a: EvaluatedRelease, b: EvaluatedRelease) => number {
  return (a, b) => compareReleases(b, a, context);
}

const byQuality: Comparison = (a, b, { profile }) => qualityIndex(profile, a) - qualityIndex(profile, b);

const byRevision: Comparison = (a, b) => a.revision.version - b.revision.version || a.revision.real - b.revision.real;

const byIndexerPriority: Comparison = (a, b) =>
  (b.release.indexerPriority ?? DEFAULT_INDEXER_PRIORITY) - (a.release.indexerPriority ?? DEFAULT_INDEXER_PRIORITY);

const byIndexerFlags: Comparison = (a, b, { profile }) =>
  profile.preferIndexerFlags ? flagScore(a) - flagScore(b) : 0;

// log10 buckets: 1 000 vs 1 200 seeders is noise, 5 vs 500 is not.
const bySeeders: Comparison = (a, b) =>
  bothTorrents(a, b) ? logBucket(a.release.seeders) - logBucket(b.release.seeders) : 0;

const byPeers: Comparison = (a, b) => (bothTorrents(a, b) ? logBucket(peers(a)) - logBucket(peers(b)) : 0);

const bySize: Comparison = (a, b, { runtimeMinutes }) => sizeScore(a, runtimeMinutes) - sizeScore(b, runtimeMinutes);

const COMPARISONS: readonly Comparison[] = [
  byQuality,
  byRevision,
  byIndexerPriority,
  byIndexerFlags,
  bySeeders,
  byPeers,
  bySize,
];

function qualityIndex(profile: QualityProfile, candidate: EvaluatedRelease): number {
  return profile.items.findIndex((item) => item.quality === candidate.quality.name);
}

function flagScore(candidate: EvaluatedRelease): number {
  const flags = new Set(candidate.release.indexerFlags.map((flag) => flag.toLowerCase().replace(/^g_/, '')));
  return [...flags].reduce((score, flag) => score + (FLAG_SCORES[flag] ?? 0), 0);
}

function bothTorrents(a: EvaluatedRelease, b: EvaluatedRelease): boolean {
  return a.release.protocol === 'torrent' && b.release.protocol === 'torrent';
}

function peers(candidate: EvaluatedRelease): number {
  return (candidate.release.seeders ?? 0) + (candidate.release.leechers ?? 0);
}

function logBucket(count: number | undefined): number {
  return count && count > 0 ? Math.round(Math.log10(count)) : 0;
}

function sizeScore({ release, quality }: EvaluatedRelease, runtimeMinutes: number | undefined): number {
  if (quality.preferredSize !== null && runtimeMinutes && runtimeMinutes > 0) {
    const preferred = runtimeMinutes * quality.preferredSize * MEGABYTE;
    return -roundToBucket(Math.abs(release.size - preferred));
  }
  return roundToBucket(release.size);
}

function roundToBucket(bytes: number): number {
  return Math.round(bytes / SIZE_BUCKET_BYTES) * SIZE_BUCKET_BYTES;
}
