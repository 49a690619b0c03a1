import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { IS_OPTIONAL, getMetadataStorage } from 'class-validator';

/** Deeper than any Keel DTO; bounds the walk here and class-transformer's recursion after it. */
export const MAX_INPUT_DEPTH = 32;

/** What `Number()` would also take (`0x10`, `1e2`, ` 16`, `+16`, `16.0`, `Infinity`, '') is refused. */
const DECIMAL_INTEGER = /^-?\d+$/;
// A high surrogate without a low one after it, or a low one without a high one before it. Postgres
// text would store U+FFFD instead (silently changed data) and jsonb refuses the escape outright.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface ScreenResult {
  errors: string[];
  /** The input is too deep to hand to class-transformer at all. */
  fatal: boolean;
}

/**
 * Checks what class-validator cannot see from a DTO's decorators, for every string of a body, query
 * or path parameter: no NUL (Postgres text cannot hold one), no unpaired surrogate; and, for a field
 * declared `number` that arrives as text (query and path), only a decimal integer. Messages name the
 * field the way class-validator's do (`items.0.name must ...`).
 */
export function screenInput(
  value: unknown,
  metadata: Pick<ArgumentMetadata, 'type' | 'data' | 'metatype'>,
): ScreenResult {
  const errors: string[] = [];
  const root = metadata.data ?? '';
  if (!screenFlatRecord(value, root, metadata.type, errors)) {
    const stack: Array<[unknown, string, number]> = [[value, root, 0]];
    while (stack.length > 0) {
      const [current, path, depth] = stack.pop() as [unknown, string, number];
      if (typeof current === 'string') {
        checkText(current, path || metadata.type, errors);
        continue;
      }
      if (current === null || typeof current !== 'object') continue;
      if (depth >= MAX_INPUT_DEPTH)
        return { errors: [`the request is nested more than ${MAX_INPUT_DEPTH} levels deep`], fatal: true };
      const entries = Array.isArray(current)
        ? current.map((item, i) => [String(i), item] as const)
        : Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const itemPath = path ? `${path}.${key}` : key;
        if (!Array.isArray(current)) checkText(key, `property name ${JSON.stringify(itemPath)}`, errors);
        stack.push([item, itemPath, depth + 1]);
      }
    }
  }
  errors.push(...decimalFaults(value, metadata), ...nullFaults(value, metadata));
  return { errors, fatal: false };
}

/**
 * The walk above for the common case, an object whose values are all primitives (most bodies, query
 * strings and path parameter sets): the same checks and messages in the same order (the names, last
 * first, then the values), without the walk's stack, tuples and path strings, which are built only
 * for a fault. False, having checked nothing, for anything else.
 */
function screenFlatRecord(value: unknown, root: string, type: string, errors: string[]): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (const key of keys) {
    const item = record[key];
    if (item !== null && typeof item === 'object') return false;
  }
  const pathOf = (key: string) => (root ? `${root}.${key}` : key);
  for (let i = keys.length - 1; i >= 0; i--)
    if (!isCleanText(keys[i])) checkText(keys[i], `property name ${JSON.stringify(pathOf(keys[i]))}`, errors);
  for (const key of keys) {
    const item = record[key];
    if (typeof item === 'string' && !isCleanText(item)) checkText(item, pathOf(key) || type, errors);
  }
  return true;
}

function isCleanText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

function checkText(text: string, name: string, errors: string[]): void {
  if (text.includes('\u0000')) errors.push(`${name} must not contain NUL characters`);
  if (UNPAIRED_SURROGATE.test(text)) errors.push(`${name} must be valid Unicode (it contains an unpaired surrogate)`);
}

/**
 * Query strings and path segments are text; a field typed `number` is converted with `Number()`
 * (class-transformer's `@Type(() => Number)`, or Nest's own for `@Query('n') n: number`), which
 * reads hex, exponents and blanks. The field's `design:type` says which fields those are.
 */
function decimalFaults(value: unknown, { metatype, data }: Pick<ArgumentMetadata, 'data' | 'metatype'>): string[] {
  if (metatype === Number)
    return typeof value === 'string' && !DECIMAL_INTEGER.test(value)
      ? [`${data ?? 'value'} must be a decimal integer`]
      : [];
  if (typeof metatype !== 'function' || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const faults: string[] = [];
  for (const [key, raw] of Object.entries(value)) {
    if (typeof raw !== 'string' || DECIMAL_INTEGER.test(raw)) continue;
    if (isNumberField(metatype, key)) faults.push(`${key} must be a decimal integer`);
  }
  return faults;
}

/** Per DTO class, whether each declared field is `design:type` Number; a class's metadata is fixed once defined. */
const numberFields = new WeakMap<object, Map<string, boolean>>();

function isNumberField(metatype: object & { prototype?: unknown }, key: string): boolean {
  let known = numberFields.get(metatype);
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  const type: unknown = Reflect.getMetadata('design:type', metatype.prototype as object, key);
  // Only declared fields are remembered: a body's unknown keys must not grow the map.
  if (type !== undefined) {
    if (!known) numberFields.set(metatype, (known = new Map()));
    known.set(key, type === Number);
  }
  return type === Number;
}

/**
 * `@IsOptional()` lets `null` through as if the field were absent, and the service then writes it:
 * `PATCH /projects/{id}` with `{"name": null}` reached a NOT NULL column as a 500. Optional means it
 * may be left out; a field that takes `null` says so with `@ValidateIf` (and `nullable` in Swagger).
 */
function nullFaults(value: unknown, { type, metatype }: Pick<ArgumentMetadata, 'type' | 'metatype'>): string[] {
  if (
    type !== 'body' ||
    typeof metatype !== 'function' ||
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value)
  )
    return [];
  // Most bodies hold no null: the DTO's rules are read only for one that does.
  if (!Object.values(value).includes(null)) return [];
  const optional = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(metatype, '', true, false)
      .filter((rule) => rule.name === IS_OPTIONAL)
      .map((rule) => rule.propertyName),
  );
  return Object.entries(value)
    .filter(([key, raw]) => raw === null && optional.has(key))
    .map(([key]) => `${key} must not be null (leave it out instead)`);
}
