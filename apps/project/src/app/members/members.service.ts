import { Injectable } from '@nestjs/common';
import { UserClient } from '@keel/clients-user';
import type { AuthenticatedUser } from '@keel/context';
import { ProjectAccessGate } from '../projects/project-access.service';
import { alreadyMember, inactiveUser, notAMember, ownerStays, unknownUser } from '../projects/projects.errors';
import { ProjectsRepository } from '../projects/projects.repository';
import type { MemberResponse } from './dto/member.response';

@Injectable()
export class MembersService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly gate: ProjectAccessGate,
    private readonly users: UserClient,
  ) {}

  /**
   * Adds `userId` once the user service confirms them: an unknown user is 422 (the body names no
   * user; 404 would read as "no such project"), a deactivated one 409 (they exist, in a state that
   * forbids it). The caller's access is checked first, so a stranger learns nothing about users.
   */
  async add(projectId: string, caller: AuthenticatedUser, userId: string): Promise<MemberResponse> {
    await this.gate.require(projectId, caller, 'manage');
    const account = await this.users.getUser(userId);
    if (!account) throw unknownUser(userId);
    if (!account.active) throw inactiveUser(userId);
    const row = await this.repository.addMember({ projectId, userId, role: 'member', addedAt: new Date() });
    if (!row) throw alreadyMember(userId);
    return { projectId: row.projectId, userId: row.userId, role: row.role, addedAt: row.addedAt.toISOString() };
  }

  /** Removes a member (never the owner: 409). Needs no user-service call. */
  async remove(projectId: string, caller: AuthenticatedUser, userId: string): Promise<void> {
    const { project } = await this.gate.require(projectId, caller, 'manage');
    if (project.ownerId === userId) throw ownerStays();
    if (!(await this.repository.removeMember(projectId, userId))) throw notAMember(userId);
  }
}
