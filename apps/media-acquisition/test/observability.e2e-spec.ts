import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardQueries, unexposedQueryMetrics } from '@keel/platform/testing';
import { eventually, startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

const DASHBOARD = join(__dirname, '..', '..', '..', 'docker', 'observability', 'grafana', 'dashboards', 'keel.json');

/**
 * The Grafana dashboard's media-acquisition row reads only metrics the real service exposes on
 * /metrics after a search, a grab and an import. The other rows: apps/download/test/observability.e2e-spec.ts.
 */
describe('media-acquisition: the dashboard row reads metrics /metrics really exposes (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    bed = await startMediaTestBed({ QBT_DOWNLOAD_MS: '300' });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('has a sample of every metric the media-acquisition row queries after search → grab → import', async () => {
    const id = (
      await bed.call('POST', '/api/v1/movies', {
        title: 'Blade Runner 2049',
        year: 2017,
        imdbId: 'tt1856101',
        tmdbId: 335984,
      })
    ).body.id as string;
    expect((await bed.call('POST', `/api/v1/movies/${id}/search`)).status).toBe(200);
    expect((await bed.call('POST', `/api/v1/movies/${id}/grab`, {})).status).toBe(201);
    await eventually(
      async () => ((await bed.call('GET', `/api/v1/movies/${id}`)).body.file ? true : undefined),
      30_000,
      'the import',
    );
    const queries = dashboardQueries(JSON.parse(readFileSync(DASHBOARD, 'utf8'))).filter(
      (q) => q.row === 'media-acquisition',
    );

    const page = await (await fetch(`${bed.service.url}/metrics`)).text();

    expect(queries.length).toBeGreaterThanOrEqual(4);
    expect(unexposedQueryMetrics(queries, page)).toEqual([]);
  });
});
