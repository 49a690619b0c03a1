/*
 * Readers for fields that come and go between Prowlarr versions: the OpenAPI document marks none
 * required and Prowlarr leaves null properties out, so a missing or mistyped optional field reads as
 * absent and the caller picks a default.
 */
export type Fields = Record<string, unknown>;

export const isRecord = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const nonEmptyText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
export const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
export const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
export const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
