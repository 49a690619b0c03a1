import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { DownstreamUnavailableError } from '@keel/clients-core';
import type { UserClient } from '@keel/clients-user';
import { FakeUserClient, InMemoryProjectsRepository, PROJECT_ID, T0, account, caller, projectRow } from '../testing';
import { ProjectAccessGate } from './project-access.service';
import type { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

const LATER = new Date('2026-02-01T00:00:00.000Z');

function setup() {
  const repository = new InMemoryProjectsRepository();
  repository.seed(projectRow(), { member: 'member' });
  const users = new FakeUserClient(account('owner'), account('alice'), account('gone', false));
  const service = new ProjectsService(
    repository as unknown as ProjectsRepository,
    new ProjectAccessGate(repository as unknown as ProjectsRepository),
    users as unknown as UserClient,
  );
  return { service, repository, users };
}

describe(ProjectsService.name, () => {
  beforeEach(() => jest.useFakeTimers({ now: LATER }));
  afterEach(() => jest.useRealTimers());

  describe('create', () => {
    it('makes an active caller the owner once the user service confirms them', async () => {
      // Arrange
      const { service, repository, users } = setup();

      // Act
      const created = await service.create(caller('alice'), { name: 'Beacon' });

      // Assert
      expect(users.asked).toEqual(['alice']);
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Beacon',
        description: null,
        ownerId: 'alice',
        access: 'owner',
        createdAt: LATER.toISOString(),
        updatedAt: LATER.toISOString(),
      });
      expect(repository.projects.get(created.id)).toMatchObject({ name: 'Beacon', ownerId: 'alice' });
      expect(await repository.findMember(created.id, 'alice')).toMatchObject({ role: 'owner' });
    });

    it.each([
      ['deactivated', 'gone'],
      ['unknown to the user service', 'nobody'],
    ])('refuses a caller who is %s with 403, writing nothing', async (_why, id) => {
      // Arrange
      const { service, repository } = setup();

      // Act
      const attempt = service.create(caller(id), { name: 'Beacon', description: 'd' });

      // Assert
      await expect(attempt).rejects.toThrow(
        new ForbiddenException('Your account is deactivated or unknown to the user service'),
      );
      expect(repository.projects.size).toBe(1);
    });

    it('lets the user service’s outage through as its typed error (503), writing nothing', async () => {
      // Arrange
      const { service, repository, users } = setup();
      users.failure = new DownstreamUnavailableError('user', 'user is down');

      // Act
      const attempt = service.create(caller('alice'), { name: 'Beacon' });

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(DownstreamUnavailableError);
      expect(repository.projects.size).toBe(1);
    });
  });

  describe('get', () => {
    it('shows a member the project with their access, without asking the user service', async () => {
      // Arrange
      const { service, users } = setup();

      // Act
      const project = await service.get(PROJECT_ID, caller('member'));

      // Assert
      expect(project).toMatchObject({ id: PROJECT_ID, name: 'Atlas', access: 'member', createdAt: T0.toISOString() });
      expect(users.asked).toEqual([]);
    });

    it('hides it from a stranger (404)', async () => {
      const { service } = setup();

      await expect(service.get(PROJECT_ID, caller('stranger'))).rejects.toBeInstanceOf(NotFoundException);
    });
  });

  describe('list', () => {
    it('pages through the caller’s own and member projects, newest first, and no one else’s', async () => {
      // Arrange
      const { service, repository } = setup();
      const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
      repository.seed(projectRow({ id: ids[0], ownerId: 'member', createdAt: new Date(T0.getTime() + 1000) }));
      repository.seed(projectRow({ id: ids[1], ownerId: 'x', createdAt: new Date(T0.getTime() + 2000) }));

      // Act
      const first = await service.list(caller('member'), 1);
      const second = await service.list(caller('member'), 1, first.nextCursor!);

      // Assert
      expect(first.items.map((p) => [p.id, p.access])).toEqual([[ids[0], 'owner']]);
      expect(second.items.map((p) => [p.id, p.access])).toEqual([[PROJECT_ID, 'member']]);
      expect(second.nextCursor).toBeNull();
    });

    it('refuses a cursor it did not issue with 400', async () => {
      const { service } = setup();

      await expect(service.list(caller('member'), 10, 'bm90LWEtY3Vyc29y')).rejects.toMatchObject({ status: 400 });
    });
  });

  describe('update', () => {
    it('lets the owner rename the project', async () => {
      // Arrange
      const { service, repository } = setup();

      // Act
      const updated = await service.update(PROJECT_ID, caller('owner'), { name: 'Atlas 2' });

      // Assert
      expect(updated).toMatchObject({ name: 'Atlas 2', description: null, access: 'owner' });
      expect(updated.updatedAt).toBe(LATER.toISOString());
      expect(repository.projects.get(PROJECT_ID)).toMatchObject({ name: 'Atlas 2', updatedAt: LATER });
    });

    it('answers an admin with access admin', async () => {
      const { service } = setup();

      const updated = await service.update(PROJECT_ID, caller('root', ['admin']), { description: 'd' });

      expect(updated).toMatchObject({ name: 'Atlas', description: 'd', access: 'admin' });
    });

    it('refuses an empty change with 400 before looking the project up', async () => {
      // Arrange
      const { service } = setup();

      // Act
      const attempt = service.update('not-even-a-project', caller('stranger'), {});

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(BadRequestException);
      await expect(attempt).rejects.toMatchObject({ response: { message: ['send name, description or both'] } });
    });

    it('refuses a member with 403 and changes nothing', async () => {
      // Arrange
      const { service, repository } = setup();

      // Act
      const attempt = service.update(PROJECT_ID, caller('member'), { name: 'Mine now' });

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenException);
      expect(repository.projects.get(PROJECT_ID)?.name).toBe('Atlas');
    });
  });

  describe('delete', () => {
    it('lets the owner delete the project with its memberships', async () => {
      // Arrange
      const { service, repository } = setup();

      // Act
      await service.delete(PROJECT_ID, caller('owner'));

      // Assert
      expect(repository.projects.has(PROJECT_ID)).toBe(false);
      expect(repository.members).toEqual([]);
    });

    it('refuses a member with 403 and a stranger with 404, keeping the project', async () => {
      // Arrange
      const { service, repository } = setup();

      // Act
      const byMember = service.delete(PROJECT_ID, caller('member'));
      const byStranger = service.delete(PROJECT_ID, caller('stranger'));

      // Assert
      await expect(byMember).rejects.toBeInstanceOf(ForbiddenException);
      await expect(byStranger).rejects.toBeInstanceOf(NotFoundException);
      expect(repository.projects.has(PROJECT_ID)).toBe(true);
    });

    it('answers 404 when the project went away between the check and the delete', async () => {
      // Arrange
      const { service, repository } = setup();
      jest.spyOn(repository, 'delete').mockResolvedValueOnce(false);

      // Act
      const attempt = service.delete(PROJECT_ID, caller('owner'));

      // Assert
      await expect(attempt).rejects.toThrow(new NotFoundException(`Project ${PROJECT_ID} not found`));
    });
  });
});
