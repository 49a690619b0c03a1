import { z } from 'zod';

/*
 * Reading a third party's answers tolerantly: check what we use, default what is optional. Their
 * documents mark few fields required, and versions add, drop and retype fields.
 */

/** Absent when missing, null or mistyped, rather than a contract error. */
export const absentIfInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * A list whose unusable entries are skipped. A non-empty list with none usable is not a list of
 * these at all (an error page, another API), so it breaks the contract with `none` as the reason.
 */
export function tolerantList<T extends z.ZodType>(entry: T, none: string) {
  return z
    .array(entry.nullable().catch(null))
    .refine((entries) => entries.length === 0 || entries.some((item) => item !== null), { message: none })
    .transform((entries) => entries.filter((item): item is NonNullable<z.output<T>> => item !== null));
}
