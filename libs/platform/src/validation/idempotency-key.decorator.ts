import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { RequestValidationError } from '../errors/request-validation.error';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const PRINTABLE_ASCII = new RegExp(`^[\\x20-\\x7E]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/**
 * The `Idempotency-Key` header, or undefined when absent or empty; 400 when it is not 1–255 printable ASCII characters.
 */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  // Node joins repeated headers of unknown names with ", "; an array only comes from a raw adapter.
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (value === undefined || value === '') return undefined;
  if (!PRINTABLE_ASCII.test(value))
    throw new RequestValidationError([
      `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters`,
    ]);
  return value;
}

/**
 * `@IdempotencyKey() key: string | undefined`: the validated header. Headers do not pass through
 * the global pipe, and an unbounded key would be stored and indexed as sent (draft-ietf-httpapi-
 * idempotency-key-header: the key is a short string, typically a UUID).
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  readIdempotencyKey(
    context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[
      'idempotency-key'
    ],
  ),
);
