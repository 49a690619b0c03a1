import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { InMemoryProjectsRepository, PROJECT_ID, caller, projectRow } from '../testing';
import { ProjectAccessGate } from './project-access.service';
import type { ProjectsRepository } from './projects.repository';

function setup() {
  const repository = new InMemoryProjectsRepository();
  const project = repository.seed(projectRow(), { member: 'member' });
  const gate = new ProjectAccessGate(repository as unknown as ProjectsRepository);
  return { gate, project };
}

describe(ProjectAccessGate.name, () => {
  it.each([
    ['the owner', caller('owner'), 'manage', 'owner'],
    ['a member', caller('member'), 'contribute', 'member'],
    ['a member', caller('member'), 'read', 'member'],
    ['an admin who is not a member', caller('root', ['admin']), 'manage', 'admin'],
  ] as const)('grants %s %s with access %s', async (_who, user, action, access) => {
    // Arrange
    const { gate, project } = setup();

    // Act
    const permitted = await gate.require(PROJECT_ID, user, action);

    // Assert
    expect(permitted).toEqual({ project, access });
  });

  it('refuses a member what only the owner or an admin may do, with 403', async () => {
    // Arrange
    const { gate } = setup();

    // Act
    const attempt = gate.require(PROJECT_ID, caller('member'), 'manage');

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenException);
    await expect(attempt).rejects.toThrow(
      "Only the project's owner or an admin may change this project or its members",
    );
  });

  it.each(['read', 'contribute', 'manage'] as const)(
    'hides the project from a stranger asking to %s: 404, as for no project at all',
    async (action) => {
      // Arrange
      const { gate } = setup();

      // Act
      const attempt = gate.require(PROJECT_ID, caller('stranger', ['member']), action);

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(NotFoundException);
      await expect(attempt).rejects.toThrow(`Project ${PROJECT_ID} not found`);
    },
  );

  it('answers 404 for a project that does not exist, even to an admin', async () => {
    // Arrange
    const { gate } = setup();
    const missing = '00000000-0000-4000-8000-00000000dead';

    // Act
    const attempt = gate.require(missing, caller('root', ['admin']), 'read');

    // Assert
    await expect(attempt).rejects.toThrow(new NotFoundException(`Project ${missing} not found`));
  });
});
