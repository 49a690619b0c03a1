import { join } from 'node:path';
import { describeOnEachDatabase } from '@keel/persistence/testing';
import * as schema from '../db/schema';
import { comments, projectResources } from '../db/schema';
import { emptyProjectTables } from '../db/testing';
import { PROJECT_ID, T0, projectRow } from '../testing';
import { ProjectsRepository } from './projects.repository';

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (ms: number) => new Date(T0.getTime() + ms);

describeOnEachDatabase('ProjectsRepository', { schema, migrationsFolder: MIGRATIONS }, (bed) => {
  let projects: ProjectsRepository;

  // The bed keeps one database per driver for the file (each costs seconds); every test starts on empty tables.
  beforeEach(async () => {
    await emptyProjectTables(bed.database);
    projects = new ProjectsRepository(bed.db);
  });

  it('creates a project with its owner’s membership, and finds it with each caller’s role', async () => {
    // Act
    const created = await projects.create(projectRow({ description: 'd' }));
    await projects.addMember({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: at(1) });

    // Assert
    expect(created).toEqual(projectRow({ description: 'd' }));
    expect(await projects.findWithRole(PROJECT_ID, 'owner')).toEqual({ project: created, role: 'owner' });
    expect(await projects.findWithRole(PROJECT_ID, 'alice')).toEqual({ project: created, role: 'member' });
    expect(await projects.findWithRole(PROJECT_ID, 'stranger')).toEqual({ project: created, role: undefined });
    expect(await projects.findWithRole(id(99), 'owner')).toBeUndefined();
  });

  it('lists a user’s own and member projects, newest first (ties by id), page by page', async () => {
    // Arrange
    await projects.create(projectRow({ id: id(1), ownerId: 'alice', createdAt: at(1) }));
    await projects.create(projectRow({ id: id(2), ownerId: 'bob', createdAt: at(2) }));
    await projects.create(projectRow({ id: id(3), ownerId: 'alice', createdAt: at(2) }));
    await projects.create(projectRow({ id: id(4), ownerId: 'bob', createdAt: at(3) }));
    await projects.addMember({ projectId: id(2), userId: 'alice', role: 'member', addedAt: at(5) });

    // Act
    const first = await projects.listForUser('alice', 2);
    const last = first[first.length - 1]!;
    const rest = await projects.listForUser('alice', 2, { at: last.createdAt, id: last.id });

    // Assert
    expect(first.map((p) => [p.id, p.role])).toEqual([
      [id(3), 'owner'],
      [id(2), 'member'],
    ]);
    expect(rest.map((p) => [p.id, p.role])).toEqual([[id(1), 'owner']]);
  });

  it('updates only the fields given and stamps updatedAt; undefined for an unknown project', async () => {
    // Arrange
    await projects.create(projectRow({ description: 'keep me' }));

    // Act
    const updated = await projects.update(PROJECT_ID, { name: 'Renamed', description: undefined });
    const unknown = await projects.update(id(99), { name: 'x' });

    // Assert
    expect(updated).toMatchObject({ name: 'Renamed', description: 'keep me', createdAt: T0 });
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(T0.getTime());
    expect(unknown).toBeUndefined();
  });

  it('deletes a project with its members, comments and resource links', async () => {
    // Arrange
    await projects.create(projectRow());
    await projects.addMember({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: at(1) });
    await bed.db
      .insert(comments)
      .values({ id: id(7), projectId: PROJECT_ID, authorId: 'a', body: 'b', createdAt: at(1) });
    await bed.db
      .insert(projectResources)
      .values({ projectId: PROJECT_ID, resourceId: 'k1', title: 't', linkedAt: at(1) });

    // Act
    const deleted = await projects.delete(PROJECT_ID);
    const again = await projects.delete(PROJECT_ID);

    // Assert
    expect([deleted, again]).toEqual([true, false]);
    expect(await projects.findMember(PROJECT_ID, 'alice')).toBeUndefined();
    expect(await bed.db.select().from(comments)).toEqual([]);
    expect(await bed.db.select().from(projectResources)).toEqual([]);
  });

  it('adds a member once: a second add is undefined and keeps the first row', async () => {
    // Arrange
    await projects.create(projectRow());

    // Act
    const added = await projects.addMember({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: at(1) });
    const twice = await projects.addMember({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: at(2) });
    const owner = await projects.addMember({ projectId: PROJECT_ID, userId: 'owner', role: 'member', addedAt: at(3) });

    // Assert
    expect(added).toEqual({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: at(1) });
    expect(twice).toBeUndefined();
    expect(owner).toBeUndefined();
    expect(await projects.findMember(PROJECT_ID, 'alice')).toEqual(added);
    expect(await projects.findMember(PROJECT_ID, 'owner')).toMatchObject({ role: 'owner' });
  });

  it('removes a member but never the owner’s row', async () => {
    // Arrange
    await projects.create(projectRow());
    await projects.addMember({ projectId: PROJECT_ID, userId: 'alice', role: 'member', addedAt: at(1) });

    // Act
    const member = await projects.removeMember(PROJECT_ID, 'alice');
    const owner = await projects.removeMember(PROJECT_ID, 'owner');
    const nobody = await projects.removeMember(PROJECT_ID, 'nobody');

    // Assert
    expect([member, owner, nobody]).toEqual([true, false, false]);
    expect(await projects.findMember(PROJECT_ID, 'alice')).toBeUndefined();
    expect(await projects.findMember(PROJECT_ID, 'owner')).toMatchObject({ role: 'owner' });
  });
});
