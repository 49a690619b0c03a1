import type { Decision } from '../decision';
import type { ReleaseDecisionResponse, SearchResponse } from './dto/search.response';
import type { ReleaseSearchResult } from './release-search.service';

export function toDecisionResponse(decision: Decision): ReleaseDecisionResponse {
  const { release } = decision;
  return {
    guid: release.guid,
    title: release.title,
    indexerId: release.indexerId,
    indexer: release.indexer,
    size: release.size,
    seeders: release.seeders,
    leechers: release.leechers,
    protocol: release.protocol,
    publishDate: release.publishDate,
    indexerFlags: release.indexerFlags,
    quality: decision.quality.name,
    approved: decision.approved,
    rank: decision.rank,
    rejections: decision.rejections.map(({ code, message }) => ({ code, message })),
  };
}

export function toSearchResponse(movieId: string, result: ReleaseSearchResult): SearchResponse {
  return {
    movieId,
    degraded: result.degraded,
    indexers: result.indexers,
    releases: result.decisions.map(toDecisionResponse),
  };
}
