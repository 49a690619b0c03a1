import type { MemberRole } from '../db/schema';

/** How the caller relates to a project. `admin` is a platform admin (JWT `roles` has `admin`) who is not the owner. */
export type ProjectAccess = 'owner' | 'admin' | 'member' | 'none';

/** What a caller asks to do; each maps to the least access that allows it. */
export type ProjectAction = 'read' | 'contribute' | 'manage';

export const ADMIN_ROLE = 'admin';

/** The caller's access from their membership row's role (if any) and their JWT roles. */
export function accessOf(role: MemberRole | undefined, jwtRoles: readonly string[]): ProjectAccess {
  if (role === 'owner') return 'owner';
  if (jwtRoles.includes(ADMIN_ROLE)) return 'admin';
  return role === 'member' ? 'member' : 'none';
}

/**
 * read: see the project, its comments, resources and recommendations. contribute: comment and link
 * resources. Both are open to every member. manage: rename, delete, add or remove members — owner and
 * admin only.
 */
export function isAllowed(access: ProjectAccess, action: ProjectAction): boolean {
  if (access === 'none') return false;
  return action === 'manage' ? access === 'owner' || access === 'admin' : true;
}

/** A comment goes away at its author's wish, or its project's owner's or an admin's. */
export function mayDeleteComment(access: ProjectAccess, callerId: string, authorId: string): boolean {
  return access !== 'none' && (callerId === authorId || isAllowed(access, 'manage'));
}

/**
 * The status a refusal answers with: a stranger must not learn the project exists (404); a member
 * who may see it but not do this gets 403.
 */
export function refusalStatus(access: ProjectAccess): 403 | 404 {
  return access === 'none' ? 404 : 403;
}
