import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@keel/context';
import type { ProjectRow } from '../db/schema';
import { accessOf, isAllowed, refusalStatus } from './project-access';
import type { ProjectAccess, ProjectAction } from './project-access';
import { forbidden, unknownProject } from './projects.errors';
import { ProjectsRepository } from './projects.repository';

/** Access that was granted: never `none`. */
export type GrantedAccess = Exclude<ProjectAccess, 'none'>;

export interface Permitted {
  project: ProjectRow;
  access: GrantedAccess;
}

const ACTION_WORDS: Record<ProjectAction, string> = {
  read: 'see this project',
  contribute: 'contribute to this project',
  manage: 'change this project or its members',
};

/**
 * Loads a project with the caller's access and enforces `project-access.ts`. It reads only this
 * service's database, never the user service, so access checks keep working during its outage.
 */
@Injectable()
export class ProjectAccessGate {
  constructor(private readonly projects: ProjectsRepository) {}

  /** The project and the caller's access; 404 for no such project or a stranger, 403 for a member refused. */
  async require(projectId: string, user: AuthenticatedUser, action: ProjectAction): Promise<Permitted> {
    const found = await this.projects.findWithRole(projectId, user.id);
    if (!found) throw unknownProject(projectId);
    const access = accessOf(found.role, user.roles);
    if (!isAllowed(access, action))
      throw refusalStatus(access) === 404 ? unknownProject(projectId) : forbidden(ACTION_WORDS[action]);
    return { project: found.project, access: access as GrantedAccess };
  }
}
