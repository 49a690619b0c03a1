import { rolesSetting } from '@keel/platform';

/**
 * Who may change anything (add movies and profiles, search, grab, remove from the queue):
 * `MEDIA_WRITE_ROLES`, a comma list, by default `media:write` or `admin`. A token's roles come from
 * `JWT_ROLES_CLAIM` and its OAuth scopes. Reads are open to every signed-in user.
 */
export const MEDIA_WRITE = rolesSetting('MEDIA_WRITE_ROLES', ['media:write', 'admin']);
