import { ForbiddenException, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from '@keel/context';
import { ROLES_KEY } from '../platform.constants';
import { BearerAuthError } from './bearer-auth.error';

/** Runs after JwtAuthGuard (registered after it): checks `@Roles(...)` against the verified user. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser | null }>().user;
    // A @Roles route also marked @Public has no verified user: refuse rather than let it through.
    if (!user) throw BearerAuthError.missing();
    if (!required.some((role) => user.roles.includes(role))) throw new ForbiddenException(`requires the role ${required.join(' or ')}`);
    return true;
  }
}
