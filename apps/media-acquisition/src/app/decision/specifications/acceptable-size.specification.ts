import { DEFAULT_RUNTIME_MINUTES, MEGABYTE } from '../decision.constants';
import type { Specification } from '../decision.types';

/** Radarr `AcceptableSizeSpecification`: limits are MB per minute of runtime. */
export const acceptableSizeSpecification: Specification = ({ release, quality }, { movie }) => {
  // Some indexers omit the size; Radarr lets those through rather than guess.
  if (!release.size) return undefined;
  const runtime = movie.runtimeMinutes || DEFAULT_RUNTIME_MINUTES;

  const min = quality.minSize * MEGABYTE * runtime;
  if (release.size < min) {
    return {
      code: 'belowMinimumSize',
      message:
        `${formatSize(release.size)} is smaller than minimum allowed ${formatSize(min)} ` +
        `for ${quality.name} (runtime ${runtime} min)`,
    };
  }
  if (quality.maxSize === null || quality.maxSize === 0) return undefined;
  const max = quality.maxSize * MEGABYTE * runtime;
  if (release.size > max) {
    return {
      code: 'aboveMaximumSize',
      message:
        `${formatSize(release.size)} is larger than maximum allowed ${formatSize(max)} ` +
        `for ${quality.name} (runtime ${runtime} min)`,
    };
  }
  return undefined;
};

function formatSize(bytes: number): string {
  return bytes >= 1024 * MEGABYTE
    ? `${(bytes / (1024 * MEGABYTE)).toFixed(1)} GB`
    : `${Math.round(bytes / MEGABYTE)} MB`;
}
