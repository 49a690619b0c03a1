/** The user service's contract (shared/contracts/internal-services.md, "User service"). */
export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  /** `false` for a deactivated user, who still exists: callers decide whether to refuse them. */
  active: boolean;
}
