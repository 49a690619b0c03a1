import { ConflictException, ForbiddenException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DownstreamTimeoutError } from '@keel/clients-core';
import type { UserClient } from '@keel/clients-user';
import { ProjectAccessGate } from '../projects/project-access.service';
import type { ProjectsRepository } from '../projects/projects.repository';
import { FakeUserClient, InMemoryProjectsRepository, PROJECT_ID, account, caller, projectRow } from '../testing';
import { MembersService } from './members.service';

const NOW = new Date('2026-02-01T00:00:00.000Z');

function setup() {
  const repository = new InMemoryProjectsRepository();
  repository.seed(projectRow(), { member: 'member' });
  const users = new FakeUserClient(account('alice'), account('gone', false), account('member'));
  const service = new MembersService(
    repository as unknown as ProjectsRepository,
    new ProjectAccessGate(repository as unknown as ProjectsRepository),
    users as unknown as UserClient,
  );
  return { service, repository, users };
}

describe(MembersService.name, () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  describe('add', () => {
    it.each([
      ['the owner', caller('owner')],
      ['an admin', caller('root', ['admin'])],
    ])('lets %s add a user the user service confirms as active', async (_who, user) => {
      // Arrange
      const { service, repository, users } = setup();

      // Act
      const added = await service.add(PROJECT_ID, user, 'alice');

      // Assert
      expect(added).toEqual({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: NOW.toISOString() });
      expect(await repository.findMember(PROJECT_ID, 'alice')).toMatchObject({ role: 'member' });
      expect(users.asked).toEqual(['alice']);
    });

    it.each([
      ['an unknown user with 422', 'nobody', UnprocessableEntityException, 'User nobody does not exist'],
      ['a deactivated user with 409', 'gone', ConflictException, 'User gone is deactivated'],
      [
        'a member already there with 409',
        'member',
        ConflictException,
        'User member is already a member of this project',
      ],
    ])('refuses %s', async (_what, userId, type, message) => {
      // Arrange
      const { service, repository } = setup();
      const before = repository.members.length;

      // Act
      const attempt = service.add(PROJECT_ID, caller('owner'), userId);

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(type);
      await expect(attempt).rejects.toThrow(message);
      expect(repository.members).toHaveLength(before);
    });

    it.each([
      ['a member with 403', caller('member'), ForbiddenException],
      ['a stranger with 404', caller('stranger'), NotFoundException],
    ])('refuses %s before asking the user service about anyone', async (_who, user, type) => {
      // Arrange
      const { service, users } = setup();

      // Act
      const attempt = service.add(PROJECT_ID, user, 'alice');

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(type);
      expect(users.asked).toEqual([]);
    });

    it('lets the user service’s timeout through as its typed error (504)', async () => {
      // Arrange
      const { service, repository, users } = setup();
      users.failure = new DownstreamTimeoutError('user', 2000);

      // Act
      const attempt = service.add(PROJECT_ID, caller('owner'), 'alice');

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(DownstreamTimeoutError);
      expect(await repository.findMember(PROJECT_ID, 'alice')).toBeUndefined();
    });
  });

  describe('remove', () => {
    it('lets the owner remove a member without asking the user service', async () => {
      // Arrange
      const { service, repository, users } = setup();

      // Act
      await service.remove(PROJECT_ID, caller('owner'), 'member');

      // Assert
      expect(await repository.findMember(PROJECT_ID, 'member')).toBeUndefined();
      expect(users.asked).toEqual([]);
    });

    it('never removes the owner (409)', async () => {
      // Arrange
      const { service, repository } = setup();

      // Act
      const attempt = service.remove(PROJECT_ID, caller('root', ['admin']), 'owner');

      // Assert
      await expect(attempt).rejects.toThrow(new ConflictException('The owner cannot be removed from their project'));
      expect(await repository.findMember(PROJECT_ID, 'owner')).toMatchObject({ role: 'owner' });
    });

    it('answers 404 for someone who is not a member', async () => {
      const { service } = setup();

      await expect(service.remove(PROJECT_ID, caller('owner'), 'alice')).rejects.toThrow(
        new NotFoundException('User alice is not a member of this project'),
      );
    });

    it('refuses a member removing another with 403', async () => {
      // Arrange
      const { service, repository } = setup();
      repository.members.push({ projectId: PROJECT_ID, userId: 'bob', role: 'member', addedAt: NOW });

      // Act
      const attempt = service.remove(PROJECT_ID, caller('member'), 'bob');

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenException);
      expect(await repository.findMember(PROJECT_ID, 'bob')).toBeDefined();
    });
  });
});
