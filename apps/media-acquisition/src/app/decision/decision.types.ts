import type { QualityProfile } from './quality-profile';
import type { ReleaseQuality, ParsedRelease, ReleaseRevision } from './release-quality.parser';
import type { RejectionCode } from './rejection.constants';

/** A search result as the indexer (Prowlarr) reported it. `size` is in bytes. */
export interface CandidateRelease {
  guid: string;
  title: string;
  size: number;
  indexerId: number;
  indexer: string;
  /** 1 (best) … 50; Radarr's default is 25. */
  indexerPriority?: number;
  seeders?: number;
  leechers?: number;
  protocol: 'torrent' | 'usenet' | 'unknown';
  indexerFlags: string[];
  publishDate?: string;
  imdbId?: string;
  tmdbId?: number;
}

export interface MovieInfo {
  title: string;
  year: number;
  imdbId?: string;
  tmdbId?: number;
  runtimeMinutes?: number;
  /** The movie's imported file, if any: a release must then be an upgrade (Radarr's UpgradableSpecification). */
  existingFile?: { quality: string; revision: ReleaseRevision };
}

export interface BlocklistEntry {
  guid?: string;
  title?: string;
  indexerId?: number;
}

export interface DecisionContext {
  movie: MovieInfo;
  profile: QualityProfile;
  blocklist: readonly BlocklistEntry[];
}

export interface Rejection {
  code: RejectionCode;
  message: string;
}

/** A release with its title already parsed: what every specification looks at. */
export interface EvaluatedRelease<R extends CandidateRelease = CandidateRelease> extends ReleaseQuality {
  release: R;
}

export type Specification = (candidate: EvaluatedRelease, context: DecisionContext) => Rejection | undefined;

/** A judged release; `R` is the caller's own release type, so a decision carries what grabbing it needs. */
export interface Decision<R extends CandidateRelease = CandidateRelease> {
  release: R;
  quality: { id: number; name: string };
  revision: ReleaseRevision;
  parsed: ParsedRelease;
  approved: boolean;
  rejections: Rejection[];
  /** 1-based among approved decisions; undefined when rejected. */
  rank?: number;
}
