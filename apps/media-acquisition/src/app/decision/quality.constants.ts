/** Where a release came from; Radarr's `QualitySource`. */
export type QualitySource =
  | 'unknown'
  | 'cam'
  | 'telesync'
  | 'telecine'
  | 'workprint'
  | 'dvd'
  | 'tv'
  | 'webdl'
  | 'webrip'
  | 'bluray';

/** Radarr's `Modifier`: what was done to the source beyond encoding it. */
export type QualityModifier = 'none' | 'regional' | 'screener' | 'rawhd' | 'brdisk' | 'remux';

export interface QualityDefinition {
  id: number;
  name: string;
  source: QualitySource;
  resolution: number;
  modifier: QualityModifier;
  /** MB per minute of runtime. */
  minSize: number;
  /** MB per minute; null = unlimited. */
  maxSize: number | null;
  /** MB per minute the ranking aims for; null = "bigger is better". */
  preferredSize: number | null;
}

const sd = { minSize: 0, maxSize: 100, preferredSize: 95 } as const;
// Radarr leaves high-bitrate qualities uncapped: a 1080p Blu-ray encode or a remux can legitimately run far past 100
// MB/min.
const unlimited = { minSize: 0, maxSize: null, preferredSize: null } as const;

/**
 * Radarr `Qualities/Quality.cs` (ids, names, source, resolution, modifier) and its `DefaultQualityDefinitions` sizes.
 * Listed in Radarr's weight order, worst first. Radarr ships every MinSize as 0, so "below minimum size" only fires
 * once a user raises a minimum.
 */
export const QUALITY_DEFINITIONS: readonly QualityDefinition[] = [
  { id: 0, name: 'Unknown', source: 'unknown', resolution: 0, modifier: 'none', ...sd },
  { id: 24, name: 'WORKPRINT', source: 'workprint', resolution: 0, modifier: 'none', ...sd },
  { id: 25, name: 'CAM', source: 'cam', resolution: 0, modifier: 'none', ...sd },
  { id: 26, name: 'TELESYNC', source: 'telesync', resolution: 0, modifier: 'none', ...sd },
  { id: 27, name: 'TELECINE', source: 'telecine', resolution: 0, modifier: 'none', ...sd },
  { id: 29, name: 'REGIONAL', source: 'dvd', resolution: 480, modifier: 'regional', ...sd },
  { id: 28, name: 'DVDSCR', source: 'dvd', resolution: 480, modifier: 'screener', ...sd },
  { id: 1, name: 'SDTV', source: 'tv', resolution: 480, modifier: 'none', ...sd },
  { id: 2, name: 'DVD', source: 'dvd', resolution: 0, modifier: 'none', ...sd },
  { id: 23, name: 'DVD-R', source: 'dvd', resolution: 480, modifier: 'remux', ...sd },
  { id: 8, name: 'WEBDL-480p', source: 'webdl', resolution: 480, modifier: 'none', ...sd },
  { id: 12, name: 'WEBRip-480p', source: 'webrip', resolution: 480, modifier: 'none', ...sd },
  { id: 13, name: 'Bluray-480p', source: 'bluray', resolution: 480, modifier: 'none', ...sd },
  { id: 20, name: 'Bluray-576p', source: 'bluray', resolution: 576, modifier: 'none', ...sd },
  { id: 4, name: 'HDTV-720p', source: 'tv', resolution: 720, modifier: 'none', ...sd },
  { id: 5, name: 'WEBDL-720p', source: 'webdl', resolution: 720, modifier: 'none', ...sd },
  { id: 14, name: 'WEBRip-720p', source: 'webrip', resolution: 720, modifier: 'none', ...sd },
  { id: 6, name: 'Bluray-720p', source: 'bluray', resolution: 720, modifier: 'none', ...sd },
  { id: 9, name: 'HDTV-1080p', source: 'tv', resolution: 1080, modifier: 'none', ...sd },
  { id: 3, name: 'WEBDL-1080p', source: 'webdl', resolution: 1080, modifier: 'none', ...sd },
  { id: 15, name: 'WEBRip-1080p', source: 'webrip', resolution: 1080, modifier: 'none', ...sd },
  { id: 7, name: 'Bluray-1080p', source: 'bluray', resolution: 1080, modifier: 'none', ...unlimited },
  { id: 30, name: 'Remux-1080p', source: 'bluray', resolution: 1080, modifier: 'remux', ...unlimited },
  { id: 16, name: 'HDTV-2160p', source: 'tv', resolution: 2160, modifier: 'none', ...unlimited },
  { id: 18, name: 'WEBDL-2160p', source: 'webdl', resolution: 2160, modifier: 'none', ...unlimited },
  { id: 17, name: 'WEBRip-2160p', source: 'webrip', resolution: 2160, modifier: 'none', ...unlimited },
  { id: 19, name: 'Bluray-2160p', source: 'bluray', resolution: 2160, modifier: 'none', ...unlimited },
  { id: 31, name: 'Remux-2160p', source: 'bluray', resolution: 2160, modifier: 'remux', ...unlimited },
  { id: 22, name: 'BR-DISK', source: 'bluray', resolution: 1080, modifier: 'brdisk', ...unlimited },
  { id: 10, name: 'Raw-HD', source: 'tv', resolution: 1080, modifier: 'rawhd', ...unlimited },
];

const byName = new Map(QUALITY_DEFINITIONS.map((q) => [q.name, q]));

export function findQualityByName(name: string): QualityDefinition | undefined {
  return byName.get(name);
}

/** Throws on a typo: only for names written in code, never for user input (use `findQualityByName`). */
export function qualityByName(name: string): QualityDefinition {
  const quality = byName.get(name);
  if (!quality) throw new Error(`Unknown Radarr quality "${name}"`);
  return quality;
}

export const UNKNOWN_QUALITY = qualityByName('Unknown');
