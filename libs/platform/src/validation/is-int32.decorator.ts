import { ValidateBy, buildMessage } from 'class-validator';
import type { ValidationOptions } from 'class-validator';

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/**
 * An integer that fits a Postgres `integer` (int4) column. `@IsInt()` alone lets 2147483648 through
 * to the insert, which Postgres refuses ("out of range for type integer"): a 500 for bad input.
 * Use it on every DTO field stored in an int4 column, in place of `@IsInt()`.
 */
export function IsInt32(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInt32',
      validator: {
        validate: isInt32,
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an integer from ${INT32_MIN} to ${INT32_MAX}`,
          options,
        ),
      },
    },
    options,
  );
}
