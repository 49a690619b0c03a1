/**
 * The value at a claim path such as `realm_access.roles` or `resource_access.keel.api.roles`. A
 * claim name may itself hold dots (Auth0's namespaced `https://keel.example/roles`, a Keycloak
 * client id `keel.api`), so at each level the whole rest is tried as one name first, then the
 * longest prefix up to a dot that names an object, and so on. No escaping is needed.
 */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  for (let dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
    const head = path.slice(0, dot);
    const inner = Object.hasOwn(claims, head) ? claims[head] : undefined;
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) continue;
    const found = claimAt(inner as Record<string, unknown>, path.slice(dot + 1));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** An array of strings, or one space-separated string (how `scope` is sent, and some IdPs send roles). */
function namesIn(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === 'string' && name !== '');
  return [];
}

/**
 * What `@Roles(...)` checks: the roles at each configured claim path, then the token's OAuth scopes
 * (`scope`, RFC 8693 §4.2, a space-separated string; `scp`, Entra ID's string or Okta's array), so
 * that a route needing `media:write` takes a client granted that scope. In order, without repeats.
 */
export function rolesOf(claims: Record<string, unknown>, rolesClaims: readonly string[]): string[] {
  const names = [
    ...rolesClaims.flatMap((path) => namesIn(claimAt(claims, path))),
    ...namesIn(claims['scope']),
    ...namesIn(claims['scp']),
  ];
  return [...new Set(names)];
}
