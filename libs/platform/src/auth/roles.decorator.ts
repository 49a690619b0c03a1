import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ROLES_KEY } from '../platform.constants';
import { ApiProblemResponses } from '../errors/api-problem-response.decorator';
import { describeRoles } from './roles.settings';
import type { RolesSetting } from './roles.settings';

/**
 * Requires any one of `roles` among the caller's roles, otherwise 403. The caller's roles are those
 * at the `JWT_ROLES_CLAIM` paths plus the token's OAuth scopes (`scope`, `scp`). A `RolesSetting`
 * stands for the roles an environment variable lists (`rolesSetting('MEDIA_WRITE_ROLES', [...])`).
 */
export const Roles = (...roles: Array<string | RolesSetting>): ClassDecorator & MethodDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiProblemResponses({ status: 403, description: `Requires ${describeRoles(roles)}` }),
  );
