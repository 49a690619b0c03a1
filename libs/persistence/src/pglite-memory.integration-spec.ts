import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteClient } from './pglite.connection';

/** An embedded store runs with small buffers (idle RSS ~250 MB a service instead of ~380 MB). */
describe('createPgliteClient on a data dir', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'pglite-mem-')), 'db');

  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('starts Postgres with small buffers on a new data dir (reopened after initdb) and an existing one', async () => {
    // Arrange: nothing; the first open runs initdb.

    // Act
    const fresh = await createPgliteClient(dataDir);
    await fresh.exec('create table kept (v text); insert into kept values ($$survives the reopen$$)');
    const freshSettings = await fresh.query<{ shared_buffers: string }>('show shared_buffers');
    await fresh.close();
    const again = await createPgliteClient(dataDir);
    const againSettings = await again.query<{ work_mem: string }>('show work_mem');
    const kept = await again.query<{ v: string }>('select v from kept');
    await again.close();

    // Assert
    expect(freshSettings.rows[0].shared_buffers).toBe('16MB');
    expect(againSettings.rows[0].work_mem).toBe('2MB');
    expect(kept.rows).toEqual([{ v: 'survives the reopen' }]);
  });
});
