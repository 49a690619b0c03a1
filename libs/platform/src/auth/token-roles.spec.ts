import { claimAt, rolesOf } from './token-roles';

describe(claimAt.name, () => {
  it('reads a top-level claim, a nested path, and a name with dots in it at any level', () => {
    const claims = {
      roles: ['a'],
      realm_access: { roles: ['b'] },
      resource_access: { 'keel.api': { roles: ['c'] }, keel: { roles: ['not this'] } },
      'https://keel.example/roles': ['d'],
    };

    expect(claimAt(claims, 'roles')).toEqual(['a']);
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['b']);
    expect(claimAt(claims, 'resource_access.keel.api.roles')).toEqual(['c']);
    expect(claimAt(claims, 'https://keel.example/roles')).toEqual(['d']);
  });

  it('falls back to a shorter prefix when the longer one does not lead to the value', () => {
    expect(claimAt({ a: { 'b.c': { x: 1 }, b: { c: { d: 2 } } } }, 'a.b.c.d')).toBe(2);
  });

  it('finds nothing through arrays, strings, missing names or the prototype', () => {
    const claims = { list: [{ roles: ['x'] }], text: 'roles' };

    expect(claimAt(claims, 'list.0.roles')).toBeUndefined();
    expect(claimAt(claims, 'text.length')).toBeUndefined();
    expect(claimAt(claims, 'nope.roles')).toBeUndefined();
    expect(claimAt(claims, 'constructor')).toBeUndefined();
    expect(claimAt(claims, '__proto__.toString')).toBeUndefined();
  });
});

describe(rolesOf.name, () => {
  it('joins the roles of every path and the scopes, in order, without repeats, strings only', () => {
    const claims = {
      realm_access: { roles: ['admin', 7, ''] },
      groups: 'ops admin',
      scope: 'openid media:write',
      scp: ['media:write', 'files.read'],
    };

    expect(rolesOf(claims, ['realm_access.roles', 'groups', 'missing'])).toEqual([
      'admin',
      'ops',
      'openid',
      'media:write',
      'files.read',
    ]);
  });

  it('gives an empty list for a token with none', () => {
    expect(rolesOf({ sub: 'u1' }, ['roles'])).toEqual([]);
  });
});
