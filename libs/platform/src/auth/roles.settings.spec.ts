import { describeRoles, resolveRolesSetting, rolesSetting } from './roles.settings';

describe(rolesSetting.name, () => {
  it('returns one frozen setting per variable, and refuses the same variable with other defaults', () => {
    const first = rolesSetting('SPEC_WRITE_ROLES', ['writer']);

    expect(rolesSetting('SPEC_WRITE_ROLES', ['writer'])).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.defaults)).toBe(true);
    expect(() => rolesSetting('SPEC_WRITE_ROLES', ['admin'])).toThrow(/declared twice/);
  });

  it('reads the comma list, or the defaults when the variable is unset or blank', () => {
    const setting = rolesSetting('SPEC_READ_ROLES', ['reader', 'admin']);

    expect(resolveRolesSetting(setting, {})).toEqual(['reader', 'admin']);
    expect(resolveRolesSetting(setting, { SPEC_READ_ROLES: ' ' })).toEqual(['reader', 'admin']);
    expect(resolveRolesSetting(setting, { SPEC_READ_ROLES: 'a, b:c ,https://x.example/r' })).toEqual([
      'a',
      'b:c',
      'https://x.example/r',
    ]);
    expect(() => resolveRolesSetting(setting, { SPEC_READ_ROLES: 'a b' })).toThrow(
      /^SPEC_READ_ROLES must be a comma list of role names/,
    );
  });

  it('describes a requirement for Swagger', () => {
    expect(describeRoles(['admin', 'ops'])).toBe('the role admin or ops');
    expect(describeRoles(['ops', rolesSetting('SPEC_WRITE_ROLES', ['writer'])])).toBe(
      'the role ops or a role listed in SPEC_WRITE_ROLES (default writer)',
    );
  });
});
