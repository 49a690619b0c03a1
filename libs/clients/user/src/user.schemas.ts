import { z } from 'zod';

/** The user service's contract (shared/contracts/internal-services.md, "User service"). */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  /** `false` for a deactivated user, who still exists: callers decide whether to refuse them. */
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const RolesSchema = z.object({ roles: z.array(z.string()) });
