import { ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BearerAuthError } from './bearer-auth.error';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';
import { rolesSetting } from './roles.settings';
import { authenticatedUser, executionContext, guardRequest } from './testing';

// A variable of this spec's own: the setting registry is process-wide, and RolesGuard reads every one.
const ENV = 'KEEL_ROLES_GUARD_SPEC_ROLES';
const OPERATORS = rolesSetting(ENV, ['ops', 'admin']);

class RolesController {
  open(): string {
    return 'handled';
  }
  @Roles('admin')
  adminOnly(): string {
    return 'handled';
  }
  @Roles('admin', 'auditor')
  adminOrAuditor(): string {
    return 'handled';
  }
  @Roles(OPERATORS)
  operators(): string {
    return 'handled';
  }
  @Public()
  @Roles('admin')
  publicButRoled(): string {
    return 'handled';
  }
}

@Roles('staff')
class StaffController {
  inherited(): string {
    return 'handled';
  }
  @Roles('admin')
  overridden(): string {
    return 'handled';
  }
}

const check = (guard: RolesGuard, roles: string[] | null, controller: new () => unknown, method: string) =>
  guard.canActivate(
    executionContext(guardRequest(undefined, roles ? authenticatedUser('u1', roles) : null), controller, method),
  );

describe(RolesGuard.name, () => {
  const saved = process.env[ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[ENV];
    else process.env[ENV] = saved;
  });

  it('lets any caller through a route without @Roles', () => {
    expect(check(new RolesGuard(new Reflector()), [], RolesController, 'open')).toBe(true);
  });

  it.each([
    ['adminOnly', ['admin']],
    ['adminOrAuditor', ['auditor']],
    ['adminOrAuditor', ['reader', 'admin']],
  ])('lets a caller through %s with roles %j', (method, roles) => {
    expect(check(new RolesGuard(new Reflector()), roles, RolesController, method)).toBe(true);
  });

  it('refuses a caller without any of the roles with 403 naming them', () => {
    // Arrange
    const guard = new RolesGuard(new Reflector());

    // Act
    const act = () => check(guard, ['reader'], RolesController, 'adminOrAuditor');

    // Assert
    expect(act).toThrow(ForbiddenException);
    expect(act).toThrow('requires the role admin or auditor');
  });

  it('takes the method’s @Roles over its controller’s', () => {
    // Arrange
    const guard = new RolesGuard(new Reflector());

    // Act
    const inherited = check(guard, ['staff'], StaffController, 'inherited');
    const overridden = () => check(guard, ['staff'], StaffController, 'overridden');

    // Assert
    expect(inherited).toBe(true);
    expect(overridden).toThrow('requires the role admin');
  });

  it('refuses a @Public @Roles route without a verified user with 401, not 403', () => {
    // Arrange
    const guard = new RolesGuard(new Reflector());

    // Act
    const act = () => check(guard, null, RolesController, 'publicButRoled');

    // Assert
    expect(act).toThrow(BearerAuthError);
    expect(act).toThrow('missing bearer token');
  });

  it('resolves a roles setting to its defaults when the variable is unset', () => {
    // Arrange
    delete process.env[ENV];
    const guard = new RolesGuard(new Reflector());
    guard.onModuleInit();

    // Act
    const ops = check(guard, ['ops'], RolesController, 'operators');
    const reader = () => check(guard, ['reader'], RolesController, 'operators');

    // Assert
    expect(ops).toBe(true);
    expect(reader).toThrow('requires the role ops or admin');
  });

  it('resolves a roles setting from its variable once, at start-up', () => {
    // Arrange
    process.env[ENV] = 'release-managers';
    const guard = new RolesGuard(new Reflector());
    guard.onModuleInit();
    process.env[ENV] = 'someone-else';

    // Act
    const allowed = check(guard, ['release-managers'], RolesController, 'operators');
    const ops = () => check(guard, ['ops'], RolesController, 'operators');

    // Assert
    expect(allowed).toBe(true);
    expect(ops).toThrow('requires the role release-managers');
  });

  it('stops the start naming the variable when a roles setting is malformed', () => {
    // Arrange
    process.env[ENV] = 'ops, release managers';
    const guard = new RolesGuard(new Reflector());

    // Act
    const act = () => guard.onModuleInit();

    // Assert
    expect(act).toThrow(new RegExp(`^${ENV} must be a comma list of role names`));
  });

  it('leaves contexts other than HTTP alone', () => {
    // Arrange
    const guard = new RolesGuard(new Reflector());

    // Act
    const allowed = guard.canActivate(executionContext(guardRequest(), RolesController, 'adminOnly', 'ws'));

    // Assert
    expect(allowed).toBe(true);
  });
});
