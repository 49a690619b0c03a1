import { ForbiddenException, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext, OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from '@keel/context';
import { ROLES_KEY } from '../platform.constants';
import { BearerAuthError } from './bearer-auth.error';
import { HandlerMetadataCache } from './handler-metadata.cache';
import { declaredRolesSettings, resolveRolesSetting } from './roles.settings';
import type { RolesSetting } from './roles.settings';

/** Runs after JwtAuthGuard (registered after it): checks `@Roles(...)` against the verified user. */
@Injectable()
export class RolesGuard implements CanActivate, OnModuleInit {
  private readonly configured = new Map<RolesSetting, string[]>();

  private readonly declaredRoles: HandlerMetadataCache<Array<string | RolesSetting> | undefined>;

  constructor(reflector: Reflector) {
    this.declaredRoles = new HandlerMetadataCache((handler, cls) =>
      reflector.getAllAndOverride<Array<string | RolesSetting> | undefined>(ROLES_KEY, [handler, cls]),
    );
  }

  /** Reads every declared role setting now, so a malformed one stops the start naming its variable. */
  onModuleInit(): void {
    for (const setting of declaredRolesSettings()) this.configured.set(setting, resolveRolesSetting(setting));
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const declared = this.declaredRoles.get(context);
    if (!declared?.length) return true;
    const required = declared.flatMap((role) => (typeof role === 'string' ? [role] : this.rolesOf(role)));
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser | null }>().user;
    // A @Roles route also marked @Public has no verified user: refuse rather than let it through.
    if (!user) throw BearerAuthError.missing();
    if (!required.some((role) => user.roles.includes(role)))
      throw new ForbiddenException(`requires the role ${required.join(' or ')}`);
    return true;
  }

  private rolesOf(setting: RolesSetting): string[] {
    let roles = this.configured.get(setting);
    if (!roles) {
      roles = resolveRolesSetting(setting);
      this.configured.set(setting, roles);
    }
    return roles;
  }
}
