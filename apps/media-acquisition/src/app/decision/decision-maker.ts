import { bestFirst } from './decision.comparer';
import type {
  BlocklistEntry,
  CandidateRelease,
  Decision,
  EvaluatedRelease,
  MovieInfo,
  Specification,
} from './decision.types';
import type { QualityProfile } from './quality-profile';
import { parseReleaseQuality } from './release-quality.parser';
import { ALL_SPECIFICATIONS } from './specifications';

/**
 * Radarr's `DownloadDecisionMaker` plus `DownloadDecisionPriorizationService`, on one movie's search results.
 *
 * Unlike Radarr, every specification runs even after one rejects (Radarr skips later priority groups): a user looking
 * at "why was this not grabbed" gets every reason at once instead of fixing one and discovering the next.
 */
export function decide<R extends CandidateRelease>(
  candidates: readonly R[],
  movie: MovieInfo,
  profile: QualityProfile,
  context: { blocklist: readonly BlocklistEntry[] },
  specifications: readonly Specification[] = ALL_SPECIFICATIONS,
): Decision<R>[] {
  const specContext = { movie, profile, blocklist: context.blocklist };
  const order = bestFirst({ profile, runtimeMinutes: movie.runtimeMinutes });

  const evaluated = candidates.map((release) => {
    const candidate: EvaluatedRelease<R> = { release, ...parseReleaseQuality(release.title) };
    const rejections = specifications.flatMap((spec) => spec(candidate, specContext) ?? []);
    return { candidate, rejections };
  });

  const approved = evaluated.filter((e) => e.rejections.length === 0).sort((x, y) => order(x.candidate, y.candidate));
  const rejected = evaluated.filter((e) => e.rejections.length > 0).sort((x, y) => order(x.candidate, y.candidate));

  return [
    ...approved.map(({ candidate }, index) => toDecision(candidate, [], index + 1)),
    ...rejected.map(({ candidate, rejections }) => toDecision(candidate, rejections, undefined)),
  ];
}

function toDecision<R extends CandidateRelease>(
  { release, quality, revision, parsed }: EvaluatedRelease<R>,
  rejections: Decision['rejections'],
  rank: number | undefined,
): Decision<R> {
  return {
    release,
    quality: { id: quality.id, name: quality.name },
    revision,
    parsed,
    approved: rejections.length === 0,
    rejections,
    rank,
  };
}
