import { resolveRolesSetting } from '@keel/platform';
import { MEDIA_WRITE } from './media-write.roles';

describe('MEDIA_WRITE', () => {
  it('is media:write or admin by default', () => {
    expect(resolveRolesSetting(MEDIA_WRITE, {})).toEqual(['media:write', 'admin']);
  });

  it('is the comma list in MEDIA_WRITE_ROLES when set', () => {
    expect(resolveRolesSetting(MEDIA_WRITE, { MEDIA_WRITE_ROLES: 'curator, ops:write' })).toEqual([
      'curator',
      'ops:write',
    ]);
  });

  it('refuses a malformed MEDIA_WRITE_ROLES naming it', () => {
    expect(() => resolveRolesSetting(MEDIA_WRITE, { MEDIA_WRITE_ROLES: 'curator,,admin' })).toThrow(
      /^MEDIA_WRITE_ROLES must be a comma list of role names/,
    );
  });
});
