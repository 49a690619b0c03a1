import { DownstreamContractError } from '../errors/contract.error';

type FieldType = 'string' | 'number' | 'boolean' | 'string|null' | 'number|null' | 'string[]' | 'object' | 'array';

/**
 * @deprecated Declare the answer's zod schema in `http.call({ answers })` instead; kept for the
 * clients still on `send`/`json`.
 *
 * Checks that a parsed body has the fields a contract promises, and says which do not, e.g.
 * `owned: expected boolean, got string`. Hand-rolled rather than class-validator because it runs on
 * every downstream answer and costs a few hundred nanoseconds instead of tens of microseconds.
 */
export function checkShape<T>(downstream: string, body: unknown, fields: Record<string, FieldType>, where = 'body'): T {
  const violations = shapeViolations(body, fields, where);
  if (violations.length > 0) throw new DownstreamContractError(downstream, violations);
  return body as T;
}

/** @deprecated See `checkShape`. */
export function shapeViolations(body: unknown, fields: Record<string, FieldType>, where = 'body'): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [`${where}: expected an object`];
  const record = body as Record<string, unknown>;
  const violations: string[] = [];
  for (const [field, type] of Object.entries(fields)) {
    if (!matches(record[field], type))
      violations.push(`${where}.${field}: expected ${type}, got ${describe(record[field])}`);
  }
  return violations;
}

function matches(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'number|null':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
