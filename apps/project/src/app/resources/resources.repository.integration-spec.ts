import { join } from 'node:path';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { emptyProjectTables } from '../db/testing';
import { ProjectsRepository } from '../projects/projects.repository';
import { OTHER_PROJECT_ID, PROJECT_ID, T0, projectRow } from '../testing';
import { ResourcesRepository } from './resources.repository';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');

const at = (ms: number) => new Date(T0.getTime() + ms);
const link = (resourceId: string, ms: number, projectId = PROJECT_ID) => ({
  projectId,
  resourceId,
  title: `title of ${resourceId}`,
  linkedAt: at(ms),
});

describeOnEachDatabase('ResourcesRepository', { schema, migrationsFolder: MIGRATIONS }, (bed) => {
  let resources: ResourcesRepository;

  // The bed keeps one database per driver for the file (each costs seconds); every test starts on empty tables.
  beforeEach(async () => {
    await emptyProjectTables(bed.database);
    const projects = new ProjectsRepository(bed.db);
    await projects.create(projectRow());
    await projects.create(projectRow({ id: OTHER_PROJECT_ID }));
    resources = new ResourcesRepository(bed.db);
  });

  it('links a resource, and a second link only refreshes its cached title', async () => {
    // Act
    const first = await resources.upsert(link('k1', 1));
    const second = await resources.upsert({ ...link('k1', 5), title: 'Renamed' });

    // Assert
    expect(first).toEqual(link('k1', 1));
    expect(second).toEqual({ ...link('k1', 1), title: 'Renamed' });
    expect(await resources.list(PROJECT_ID, 10)).toEqual([second]);
  });

  it('lists a project’s links most recent first (ties by resource id ascending), page by page', async () => {
    // Arrange
    for (const row of [link('k1', 1), link('k3', 2), link('k2', 2), link('k4', 3), link('k9', 9, OTHER_PROJECT_ID)])
      await resources.upsert(row);

    // Act
    const first = await resources.list(PROJECT_ID, 2);
    const last = first[first.length - 1]!;
    const rest = await resources.list(PROJECT_ID, 2, { at: last.linkedAt, id: last.resourceId });

    // Assert
    expect(first.map((r) => r.resourceId)).toEqual(['k4', 'k2']);
    expect(rest.map((r) => r.resourceId)).toEqual(['k3', 'k1']);
  });
});
