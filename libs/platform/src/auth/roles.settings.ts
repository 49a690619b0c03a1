/**
 * A role list an operator may replace: `@Roles(MEDIA_WRITE)` with `MEDIA_WRITE = rolesSetting('MEDIA_WRITE_ROLES',
 * ['media:write', 'admin'])`.
 */
export interface RolesSetting {
  readonly env: string;
  readonly defaults: readonly string[];
}

const ROLE_NAME = /^[^\s,]+$/;
const settings = new Map<string, RolesSetting>();

/**
 * Declares the setting (once per variable) so that RolesGuard reads and checks every one of them
 * at start-up: a malformed list stops the service naming its variable, not the first request.
 */
export function rolesSetting(env: string, defaults: readonly string[]): RolesSetting {
  const known = settings.get(env);
  if (known) {
    if (known.defaults.join(',') !== defaults.join(','))
      throw new Error(`rolesSetting("${env}") is declared twice with different defaults`);
    return known;
  }
  const setting = Object.freeze({ env, defaults: Object.freeze([...defaults]) });
  settings.set(env, setting);
  return setting;
}

export function declaredRolesSettings(): RolesSetting[] {
  return [...settings.values()];
}

/** The comma list in the variable, or the defaults when it is unset or blank; throws naming the variable. */
export function resolveRolesSetting(setting: RolesSetting, env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env[setting.env];
  if (value === undefined || value.trim() === '') return [...setting.defaults];
  const roles = value.split(',').map((role) => role.trim());
  if (!roles.every((role) => ROLE_NAME.test(role)))
    throw new Error(
      `${setting.env} must be a comma list of role names (no spaces), ` +
        `e.g. ${setting.defaults.join(',')}; got "${value}"`,
    );
  return roles;
}

/**
 * How a route's requirement reads in Swagger: `the role admin or ops`, `a role listed in MEDIA_WRITE_ROLES (default
 * media:write, admin)`.
 */
export function describeRoles(required: ReadonlyArray<string | RolesSetting>): string {
  const names = required.filter((role): role is string => typeof role === 'string');
  const settings = required.filter((role): role is RolesSetting => typeof role !== 'string');
  const parts = [
    ...(names.length ? [`the role ${names.join(' or ')}`] : []),
    ...settings.map((s) => `a role listed in ${s.env} (default ${s.defaults.join(', ')})`),
  ];
  return parts.join(' or ');
}
