import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { ProjectAccessGate } from '../projects/project-access.service';
import type { ProjectsRepository } from '../projects/projects.repository';
import {
  InMemoryCommentsRepository,
  InMemoryProjectsRepository,
  OTHER_PROJECT_ID,
  PROJECT_ID,
  T0,
  caller,
  projectRow,
} from '../testing';
import type { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

const NOW = new Date('2026-02-01T00:00:00.000Z');
const commentId = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

function setup() {
  const projects = new InMemoryProjectsRepository();
  projects.seed(projectRow(), { alice: 'member', bob: 'member' });
  projects.seed(projectRow({ id: OTHER_PROJECT_ID, ownerId: 'alice' }));
  const comments = new InMemoryCommentsRepository();
  const service = new CommentsService(
    comments as unknown as CommentsRepository,
    new ProjectAccessGate(projects as unknown as ProjectsRepository),
  );
  const seed = (n: number, authorId: string, projectId = PROJECT_ID) =>
    comments.rows.push({ id: commentId(n), projectId, authorId, body: `#${n}`, createdAt: new Date(T0.getTime() + n) });
  return { service, comments, seed };
}

describe(CommentsService.name, () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  describe('add', () => {
    it('stores a member’s comment as theirs and answers with it', async () => {
      // Arrange
      const { service, comments } = setup();

      // Act
      const added = await service.add(PROJECT_ID, caller('alice'), 'Looks good');

      // Assert
      expect(added).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        projectId: PROJECT_ID,
        authorId: 'alice',
        body: 'Looks good',
        createdAt: NOW.toISOString(),
      });
      expect(comments.rows).toEqual([expect.objectContaining({ id: added.id, authorId: 'alice', createdAt: NOW })]);
    });

    it('hides the project from a stranger (404), storing nothing', async () => {
      // Arrange
      const { service, comments } = setup();

      // Act
      const attempt = service.add(PROJECT_ID, caller('stranger'), 'hello?');

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(NotFoundException);
      expect(comments.rows).toEqual([]);
    });
  });

  describe('list', () => {
    it('pages through the project’s comments, newest first, and only that project’s', async () => {
      // Arrange
      const { service, seed } = setup();
      seed(1, 'alice');
      seed(2, 'bob');
      seed(3, 'alice');
      seed(4, 'alice', OTHER_PROJECT_ID);

      // Act
      const first = await service.list(PROJECT_ID, caller('bob'), 2);
      const second = await service.list(PROJECT_ID, caller('bob'), 2, first.nextCursor!);

      // Assert
      expect(first.items.map((c) => c.body)).toEqual(['#3', '#2']);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(second).toEqual({
        items: [
          {
            id: commentId(1),
            projectId: PROJECT_ID,
            authorId: 'alice',
            body: '#1',
            createdAt: '2026-01-01T00:00:00.001Z',
          },
        ],
        nextCursor: null,
      });
    });

    it('refuses a stranger (404)', async () => {
      const { service } = setup();

      await expect(service.list(PROJECT_ID, caller('stranger'))).rejects.toBeInstanceOf(NotFoundException);
    });
  });

  describe('delete', () => {
    it.each([
      ['its author', caller('alice')],
      ['the project’s owner', caller('owner')],
      ['an admin', caller('root', ['admin'])],
    ])('lets %s delete a comment', async (_who, user) => {
      // Arrange
      const { service, comments, seed } = setup();
      seed(1, 'alice');

      // Act
      await service.delete(PROJECT_ID, user, commentId(1));

      // Assert
      expect(comments.rows).toEqual([]);
    });

    it('refuses another member with 403 and keeps the comment', async () => {
      // Arrange
      const { service, comments, seed } = setup();
      seed(1, 'alice');

      // Act
      const attempt = service.delete(PROJECT_ID, caller('bob'), commentId(1));

      // Assert
      await expect(attempt).rejects.toThrow(
        new ForbiddenException('Only the comment’s author, the project’s owner or an admin may delete it'),
      );
      expect(comments.rows).toHaveLength(1);
    });

    it('answers 404 for an unknown comment, and for one of another project', async () => {
      // Arrange
      const { service, comments, seed } = setup();
      seed(4, 'alice', OTHER_PROJECT_ID);

      // Act
      const unknown = service.delete(PROJECT_ID, caller('owner'), commentId(9));
      const elsewhere = service.delete(PROJECT_ID, caller('owner'), commentId(4));

      // Assert
      await expect(unknown).rejects.toThrow(new NotFoundException(`Comment ${commentId(9)} not found`));
      await expect(elsewhere).rejects.toThrow(new NotFoundException(`Comment ${commentId(4)} not found`));
      expect(comments.rows).toHaveLength(1);
    });

    it('answers 404 when the comment went away between the check and the delete', async () => {
      // Arrange
      const { service, comments, seed } = setup();
      seed(1, 'alice');
      jest.spyOn(comments, 'delete').mockResolvedValueOnce(false);

      // Act
      const attempt = service.delete(PROJECT_ID, caller('alice'), commentId(1));

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(NotFoundException);
    });
  });
});
