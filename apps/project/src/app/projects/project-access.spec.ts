import { accessOf, isAllowed, mayDeleteComment, refusalStatus } from './project-access';
import type { ProjectAccess, ProjectAction } from './project-access';

describe('project access rules', () => {
  it.each([
    ['owner', [], 'owner'],
    ['owner', ['admin'], 'owner'],
    ['member', [], 'member'],
    ['member', ['admin'], 'admin'],
    [undefined, ['member', 'admin'], 'admin'],
    [undefined, ['member'], 'none'],
    [undefined, [], 'none'],
  ] as const)('membership %s with JWT roles %j → %s', (role, roles, expected) => {
    expect(accessOf(role, roles)).toBe(expected);
  });

  const matrix: [ProjectAccess, Record<ProjectAction, boolean>][] = [
    ['owner', { read: true, contribute: true, manage: true }],
    ['admin', { read: true, contribute: true, manage: true }],
    ['member', { read: true, contribute: true, manage: false }],
    ['none', { read: false, contribute: false, manage: false }],
  ];
  it.each(matrix)('%s may %j', (access, expected) => {
    // Act
    const actual = {
      read: isAllowed(access, 'read'),
      contribute: isAllowed(access, 'contribute'),
      manage: isAllowed(access, 'manage'),
    };

    // Assert
    expect(actual).toEqual(expected);
  });

  it.each([
    ['member', 'u2', 'u2', true],
    ['member', 'u2', 'u1', false],
    ['owner', 'u1', 'u2', true],
    ['admin', 'admin1', 'u2', true],
    ['none', 'u2', 'u2', false],
  ] as const)('%s %s deleting a comment by %s: %s', (access, caller, author, expected) => {
    expect(mayDeleteComment(access, caller, author)).toBe(expected);
  });

  it('hides a project from strangers (404) and refuses members what they may not do (403)', () => {
    expect(refusalStatus('none')).toBe(404);
    expect(refusalStatus('member')).toBe(403);
  });
});
