import { MEGABYTE } from './decision.constants';
import type { CandidateRelease, DecisionContext, EvaluatedRelease, MovieInfo } from './decision.types';
import { DEFAULT_QUALITY_PROFILE } from './quality-profile';
import { parseReleaseQuality } from './release-quality.parser';

export const GB = 1024 * MEGABYTE;

export const DUNE: MovieInfo = { title: 'Dune', year: 2021, imdbId: 'tt1160419', tmdbId: 438631, runtimeMinutes: 155 };

let nextGuid = 1;

/** A healthy torrent result; override only what a test is about. */
export function aRelease(overrides: Partial<CandidateRelease> = {}): CandidateRelease {
  const title = overrides.title ?? 'Dune.2021.1080p.BluRay.x264-SPARKS';
  return {
    guid: `guid-${nextGuid++}`,
    title,
    size: 8 * GB,
    indexerId: 1,
    indexer: 'TestTracker',
    seeders: 50,
    leechers: 5,
    protocol: 'torrent',
    indexerFlags: [],
    ...overrides,
  };
}

export function evaluated(overrides: Partial<CandidateRelease> = {}): EvaluatedRelease {
  const release = aRelease(overrides);
  return { release, ...parseReleaseQuality(release.title) };
}

export function aContext(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { movie: DUNE, profile: DEFAULT_QUALITY_PROFILE, blocklist: [], ...overrides };
}
