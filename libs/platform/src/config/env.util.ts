import { parseDuration as parseDurationText } from '@keel/util';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib)?$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1_024, kib: 1_024, mb: 1_048_576, mib: 1_048_576 };

function unset(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** `5000` (ms), `500ms`, `5s`, `1m`, `1h` → ms. Fails naming the variable, so a typo stops the start. */
export function parseDuration(name: string, value: string | undefined, fallbackMs: number): number {
  if (unset(value)) return fallbackMs;
  const ms = parseDurationText(value.trim().toLowerCase());
  if (ms === undefined) throw new Error(`${name} must be a duration such as 5000, 500ms, 5s or 1m; got "${value}"`);
  return ms;
}

/** `1048576`, `512kb`, `1mb` (binary units) → bytes. */
export function parseByteSize(name: string, value: string | undefined, fallback: number): number {
  if (unset(value)) return fallback;
  const match = SIZE.exec(value.trim());
  if (!match) throw new Error(`${name} must be a size such as 1048576, 512kb or 1mb; got "${value}"`);
  return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]);
}

export function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (unset(value)) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`${name} must be a port number (0-65535); got "${value}"`);
  return port;
}
