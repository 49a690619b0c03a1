import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { IS_PUBLIC_KEY } from '../platform.constants';

/**
 * Opens a route (or a whole controller) to callers without a token. The empty security requirement
 * overrides the document-wide bearer requirement in OpenAPI, so /docs shows it unlocked.
 */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiSecurity({}));
