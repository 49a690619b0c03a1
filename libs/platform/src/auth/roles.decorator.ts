import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ROLES_KEY } from '../platform.constants';
import { ApiProblemResponses } from '../errors/api-problem-response.decorator';

/** Requires any one of `roles` in the token's `roles` claim; otherwise 403. */
export const Roles = (...roles: string[]): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiProblemResponses({ status: 403, description: `Requires the role ${roles.join(' or ')}` }));
