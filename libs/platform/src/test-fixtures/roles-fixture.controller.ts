import { Controller, Get } from '@nestjs/common';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { rolesSetting } from '../auth/roles.settings';

/** Who may edit, in the fixture: `FIXTURE_WRITE_ROLES`, else `editor` or `admin`. */
export const FIXTURE_WRITERS = rolesSetting('FIXTURE_WRITE_ROLES', ['editor', 'admin']);

/** Routes behind roles, for the identity-provider and configured-roles specs. */
@Controller('roles')
export class RolesFixtureController {
  @Roles('media:write')
  @Get('writer')
  writer(@CurrentUser() user: AuthenticatedUser) {
    return { writer: user.id };
  }

  @Roles(FIXTURE_WRITERS)
  @Get('editor')
  editor(@CurrentUser() user: AuthenticatedUser) {
    return { editor: user.id };
  }
}
