import { Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DownstreamCircuitOpenError, DownstreamUnavailableError } from '@keel/clients-core';
import type { KnowledgeClient } from '@keel/clients-knowledge';
import { ProjectAccessGate } from '../projects/project-access.service';
import type { ProjectsRepository } from '../projects/projects.repository';
import {
  FakeKnowledgeClient,
  InMemoryProjectsRepository,
  InMemoryResourcesRepository,
  PROJECT_ID,
  T0,
  caller,
  projectRow,
  resource,
} from '../testing';
import type { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';

const NOW = new Date('2026-02-01T00:00:00.000Z');

function setup() {
  const projects = new InMemoryProjectsRepository();
  projects.seed(projectRow(), { alice: 'member' });
  const links = new InMemoryResourcesRepository();
  const knowledge = new FakeKnowledgeClient(resource('k1', 'Fresh one'), resource('k2', 'Fresh two'));
  const service = new ResourcesService(
    links as unknown as ResourcesRepository,
    new ProjectAccessGate(projects as unknown as ProjectsRepository),
    knowledge as unknown as KnowledgeClient,
  );
  const link = (resourceId: string, title: string, ms: number) =>
    links.rows.push({ projectId: PROJECT_ID, resourceId, title, linkedAt: new Date(T0.getTime() + ms) });
  return { service, links, knowledge, link };
}

describe(ResourcesService.name, () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    jest.useRealTimers();
  });

  describe('link', () => {
    it('links a resource the knowledge service confirms, caching its title', async () => {
      // Arrange
      const { service, links } = setup();

      // Act
      const linked = await service.link(PROJECT_ID, caller('alice'), 'k1');

      // Assert
      expect(linked).toEqual({ resourceId: 'k1', title: 'Fresh one', linkedAt: NOW.toISOString() });
      expect(links.rows).toEqual([{ projectId: PROJECT_ID, resourceId: 'k1', title: 'Fresh one', linkedAt: NOW }]);
    });

    it('refuses a resource the knowledge service does not know with 422, linking nothing', async () => {
      // Arrange
      const { service, links } = setup();

      // Act
      const attempt = service.link(PROJECT_ID, caller('alice'), 'k404');

      // Assert
      await expect(attempt).rejects.toThrow(new UnprocessableEntityException('Knowledge resource k404 does not exist'));
      expect(links.rows).toEqual([]);
    });

    it('fails with the knowledge service on a write (its typed error, 503)', async () => {
      // Arrange
      const { service, links, knowledge } = setup();
      knowledge.failure = new DownstreamUnavailableError('knowledge', 'knowledge is down');

      // Act
      const attempt = service.link(PROJECT_ID, caller('alice'), 'k1');

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(DownstreamUnavailableError);
      expect(links.rows).toEqual([]);
    });

    it('hides the project from a stranger (404) without asking the knowledge service', async () => {
      // Arrange
      const { service, knowledge } = setup();

      // Act
      const attempt = service.link(PROJECT_ID, caller('stranger'), 'k1');

      // Assert
      await expect(attempt).rejects.toBeInstanceOf(NotFoundException);
      expect(knowledge.asked).toEqual([]);
    });
  });

  describe('list', () => {
    it('answers fresh titles, most recent link first, not degraded', async () => {
      // Arrange
      const { service, link } = setup();
      link('k1', 'Cached one', 1);
      link('k2', 'Cached two', 2);

      // Act
      const page = await service.list(PROJECT_ID, caller('alice'));

      // Assert
      expect(page).toEqual({
        items: [
          { resourceId: 'k2', title: 'Fresh two', linkedAt: '2026-01-01T00:00:00.002Z' },
          { resourceId: 'k1', title: 'Fresh one', linkedAt: '2026-01-01T00:00:00.001Z' },
        ],
        nextCursor: null,
        degraded: false,
      });
      expect(warn).not.toHaveBeenCalled();
    });

    it('serves cached titles with degraded: true while the knowledge service is down, logging it once', async () => {
      // Arrange
      const { service, knowledge, link } = setup();
      link('k1', 'Cached one', 1);
      link('k2', 'Cached two', 2);
      knowledge.failure = new DownstreamCircuitOpenError('knowledge', () => 1000);

      // Act
      const page = await service.list(PROJECT_ID, caller('alice'));

      // Assert
      expect(page.degraded).toBe(true);
      expect(page.items.map((item) => item.title)).toEqual(['Cached two', 'Cached one']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ downstream: 'knowledge', operation: 'getResource', projectId: PROJECT_ID }),
      );
    });

    it('degrades only the titles whose lookup failed', async () => {
      // Arrange
      const { service, knowledge, link } = setup();
      link('k1', 'Cached one', 1);
      link('k2', 'Cached two', 2);
      knowledge.failure = new DownstreamUnavailableError('knowledge', 'knowledge is down');
      knowledge.failing.add('k2');

      // Act
      const page = await service.list(PROJECT_ID, caller('alice'));

      // Assert
      expect(page.degraded).toBe(true);
      expect(page.items.map((item) => item.title)).toEqual(['Cached two', 'Fresh one']);
    });

    it('keeps the cached title of a resource the knowledge service no longer knows, without degrading', async () => {
      // Arrange
      const { service, link } = setup();
      link('k-gone', 'Cached gone', 1);

      // Act
      const page = await service.list(PROJECT_ID, caller('alice'));

      // Assert
      expect(page).toMatchObject({ items: [{ resourceId: 'k-gone', title: 'Cached gone' }], degraded: false });
    });

    it('lets an error that is not the downstream’s through', async () => {
      // Arrange
      const { service, knowledge, link } = setup();
      link('k1', 'Cached one', 1);
      knowledge.failure = new TypeError('a bug of ours');

      // Act
      const attempt = service.list(PROJECT_ID, caller('alice'));

      // Assert
      await expect(attempt).rejects.toThrow(TypeError);
    });

    it('pages with a cursor, looking up only the page’s titles', async () => {
      // Arrange
      const { service, knowledge, link } = setup();
      link('k1', 'Cached one', 1);
      link('k2', 'Cached two', 2);
      link('k3', 'Cached three', 3);

      // Act
      const first = await service.list(PROJECT_ID, caller('alice'), 2);
      const asked = knowledge.asked.map((call) => call.id);
      const second = await service.list(PROJECT_ID, caller('alice'), 2, first.nextCursor!);

      // Assert
      expect(first.items.map((item) => item.resourceId)).toEqual(['k3', 'k2']);
      expect(asked).toEqual(['k3', 'k2']);
      expect(second).toMatchObject({ items: [{ resourceId: 'k1', title: 'Fresh one' }], nextCursor: null });
    });
  });

  describe('recommendations', () => {
    it('answers the knowledge service’s recommendations, five by default', async () => {
      // Arrange
      const { service, knowledge } = setup();
      knowledge.recommended = Array.from({ length: 7 }, (_, i) => ({ id: `k${i}`, title: `T${i}`, score: 1 - i / 10 }));

      // Act
      const answer = await service.recommendations(PROJECT_ID, caller('alice'));

      // Assert
      expect(answer.degraded).toBe(false);
      expect(answer.results.map((r) => r.id)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
      expect(knowledge.asked).toEqual([{ operation: 'recommendations', id: PROJECT_ID, limit: 5 }]);
    });

    it('answers an empty list with degraded: true when the knowledge service is down', async () => {
      // Arrange
      const { service, knowledge } = setup();
      knowledge.failure = new DownstreamUnavailableError('knowledge', 'knowledge is down');

      // Act
      const answer = await service.recommendations(PROJECT_ID, caller('alice'), 3);

      // Assert
      expect(answer).toEqual({ results: [], degraded: true });
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ operation: 'recommendations', error: 'unavailable' }),
      );
    });

    it('lets an error that is not the downstream’s through', async () => {
      // Arrange
      const { service, knowledge } = setup();
      knowledge.failure = new TypeError('a bug of ours');

      // Act
      const attempt = service.recommendations(PROJECT_ID, caller('alice'));

      // Assert
      await expect(attempt).rejects.toThrow(TypeError);
    });

    it('hides the project from a stranger (404)', async () => {
      const { service } = setup();

      await expect(service.recommendations(PROJECT_ID, caller('stranger'))).rejects.toBeInstanceOf(NotFoundException);
    });
  });
});
