import { BadRequestException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UserClient } from '@keel/clients-user';
import type { AuthenticatedUser } from '@keel/context';
import { UUID_PATTERN } from '@keel/platform';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/page-cursor';
import type { ProjectRow } from '../db/schema';
import type { CreateProjectDto } from './dto/create-project.dto';
import type { ProjectPageResponse, ProjectResponse } from './dto/project.response';
import type { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectAccessGate } from './project-access.service';
import type { GrantedAccess } from './project-access.service';
import { inactiveCaller, unknownProject } from './projects.errors';
import { ProjectsRepository } from './projects.repository';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly gate: ProjectAccessGate,
    private readonly users: UserClient,
  ) {}

  /**
   * Creates a project owned by the caller, once the user service confirms they exist and are active.
   * Its failures (DownstreamError) reach the platform filter as 503/504 with Retry-After.
   */
  async create(user: AuthenticatedUser, body: CreateProjectDto): Promise<ProjectResponse> {
    const account = await this.users.getUser(user.id);
    if (!account?.active) throw inactiveCaller();
    const now = new Date();
    const row = await this.repository.create({
      id: randomUUID(),
      name: body.name,
      description: body.description ?? null,
      ownerId: user.id,
      createdAt: now,
      updatedAt: now,
    });
    return toResponse(row, 'owner');
  }

  async get(id: string, user: AuthenticatedUser): Promise<ProjectResponse> {
    const { project, access } = await this.gate.require(id, user, 'read');
    return toResponse(project, access);
  }

  async list(user: AuthenticatedUser, limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<ProjectPageResponse> {
    const rows = await this.repository.listForUser(
      user.id,
      limit + 1,
      cursor ? decodeCursor(cursor, UUID_PATTERN) : undefined,
    );
    return toPage(
      rows,
      limit,
      (row) => ({ at: row.createdAt, id: row.id }),
      (row) => toResponse(row, row.role),
    );
  }

  async update(id: string, user: AuthenticatedUser, change: UpdateProjectDto): Promise<ProjectResponse> {
    if (change.name === undefined && change.description === undefined)
      throw new BadRequestException(['send name, description or both']);
    const { access } = await this.gate.require(id, user, 'manage');
    const row = await this.repository.update(id, { name: change.name, description: change.description });
    if (!row) throw unknownProject(id);
    return toResponse(row, access);
  }

  async delete(id: string, user: AuthenticatedUser): Promise<void> {
    await this.gate.require(id, user, 'manage');
    if (!(await this.repository.delete(id))) throw unknownProject(id);
  }
}

function toResponse(row: ProjectRow, access: GrantedAccess): ProjectResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    access,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
