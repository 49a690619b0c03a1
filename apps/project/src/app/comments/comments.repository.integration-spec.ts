import { join } from 'node:path';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { emptyProjectTables } from '../db/testing';
import { ProjectsRepository } from '../projects/projects.repository';
import { OTHER_PROJECT_ID, PROJECT_ID, T0, projectRow } from '../testing';
import { CommentsRepository } from './comments.repository';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');

const id = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const comment = (n: number, ms: number, projectId = PROJECT_ID) => ({
  id: id(n),
  projectId,
  authorId: 'alice',
  body: `#${n}`,
  createdAt: new Date(T0.getTime() + ms),
});

describeOnEachDatabase('CommentsRepository', { schema, migrationsFolder: MIGRATIONS }, (bed) => {
  let comments: CommentsRepository;

  // The bed keeps one database per driver for the file (each costs seconds); every test starts on empty tables.
  beforeEach(async () => {
    await emptyProjectTables(bed.database);
    const projects = new ProjectsRepository(bed.db);
    await projects.create(projectRow());
    await projects.create(projectRow({ id: OTHER_PROJECT_ID }));
    comments = new CommentsRepository(bed.db);
  });

  it('inserts a comment and answers it as stored', async () => {
    // Act
    const inserted = await comments.insert(comment(1, 1));

    // Assert
    expect(inserted).toEqual(comment(1, 1));
    expect(await comments.find(PROJECT_ID, id(1))).toEqual(comment(1, 1));
  });

  it('lists a project’s comments newest first (ties by id), page by page, and only that project’s', async () => {
    // Arrange
    for (const row of [comment(1, 1), comment(2, 2), comment(3, 2), comment(4, 3), comment(5, 9, OTHER_PROJECT_ID)])
      await comments.insert(row);

    // Act
    const first = await comments.list(PROJECT_ID, 3);
    const last = first[first.length - 1]!;
    const rest = await comments.list(PROJECT_ID, 3, { at: last.createdAt, id: last.id });

    // Assert
    expect(first.map((c) => c.body)).toEqual(['#4', '#3', '#2']);
    expect(rest.map((c) => c.body)).toEqual(['#1']);
  });

  it('finds and deletes a comment only within its own project', async () => {
    // Arrange
    await comments.insert(comment(1, 1));

    // Act
    const foundElsewhere = await comments.find(OTHER_PROJECT_ID, id(1));
    const deletedElsewhere = await comments.delete(OTHER_PROJECT_ID, id(1));
    const deleted = await comments.delete(PROJECT_ID, id(1));
    const again = await comments.delete(PROJECT_ID, id(1));

    // Assert
    expect(foundElsewhere).toBeUndefined();
    expect([deletedElsewhere, deleted, again]).toEqual([false, true, false]);
    expect(await comments.find(PROJECT_ID, id(1))).toBeUndefined();
  });
});
