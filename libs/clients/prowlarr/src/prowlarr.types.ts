/** What to look for. Ids travel as `{ImdbId:tt…}` / `{TmdbId:…}` tokens in Prowlarr's query text. */
export interface ProwlarrSearch {
  /** Free text, e.g. the title; may be empty when an id is given. */
  query: string;
  /** `tt` + digits. */
  imdbId?: string;
  tmdbId?: number;
  /** Newznab ids, e.g. 2000 (Movies, with all its subcategories). */
  categories: number[];
  /** Default: every enabled indexer. */
  indexerIds?: number[];
  limit?: number;
}

/** What to read of one indexer's RSS feed (its newest releases). */
export interface ProwlarrRecent {
  indexerId: number;
  /** Newznab ids, e.g. 2000 (Movies, with all its subcategories). */
  categories: number[];
  /** Default: the indexer's own page size (typically 100). */
  limit?: number;
}

/** One search result (Prowlarr's `ReleaseResource`, narrowed to what acquisition needs). */
export interface ProwlarrRelease {
  guid: string;
  title: string;
  /** Bytes; 0 when the indexer does not say. */
  size: number;
  indexerId: number;
  indexer: string;
  /** ISO date-time; undefined when Prowlarr leaves it out. */
  publishDate?: string;
  ageHours?: number;
  seeders?: number;
  leechers?: number;
  protocol: 'torrent' | 'usenet' | 'unknown';
  /** Prowlarr's proxy link (http), which may serve a `.torrent` or redirect to a magnet. */
  downloadUrl?: string;
  /** Also a Prowlarr proxy link, not a `magnet:` URI. */
  magnetUrl?: string;
  infoHash?: string;
  /** `freeleech`, `internal`, `scene`, … */
  indexerFlags: string[];
  categories: number[];
  /** `tt` + at least 7 digits; undefined when Prowlarr does not know it. */
  imdbId?: string;
  tmdbId?: number;
  infoUrl?: string;
}

export interface ProwlarrIndexer {
  id: number;
  name: string;
  enable: boolean;
  /** 1–50; lower wins among duplicates. 25 (Prowlarr's default) when not sent. */
  priority: number;
  /** `unknown` when not sent. */
  protocol: string;
  /** `unknown` when not sent. */
  privacy: string;
  /** True when not sent: Prowlarr lists it, so Prowlarr will search it. */
  supportsSearch: boolean;
  /** True when not sent: whether the indexer has a feed of its newest releases (RSS sync reads it). */
  supportsRss: boolean;
}

/** What a torrent client needs to add a release. */
export type ProwlarrDownload = { kind: 'magnet'; uri: string } | { kind: 'torrent'; bytes: Buffer };
