import {
  formatFuzzReport,
  fuzzCredentials,
  fuzzOpenApi,
  fuzzSettings,
  signTestToken,
  undoCircuitIsolation,
} from '@keel/platform/testing';
import { startProjectTestBed } from './project-test.setup';
import type { ProjectTestBed } from './project-test.setup';

/**
 * Every operation of the project service's own OpenAPI document, with generated valid and broken
 * requests (FUZZ_RUNS, default 2000; FUZZ_SEED replays a run). The user and knowledge emulators are
 * healthy here, so no answer may be a 5xx: not even a downstream 502/503/504, which would mean the
 * service passed bad input on to a downstream instead of refusing it.
 */
describe('project service: OpenAPI fuzzing (e2e)', () => {
  let bed: ProjectTestBed;

  beforeAll(async () => {
    bed = await startProjectTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('answers no fuzzed request with a 5xx', async () => {
    const credentials = await fuzzCredentials([
      { sub: 'u1' },
      { sub: 'u2' },
      { sub: 'admin1', roles: ['admin'] },
      { sub: 'u3', weight: 1 },
      { sub: 'u4', weight: 1 },
    ]);
    const admin = await signTestToken({ sub: 'admin1', roles: ['admin'] });

    const report = await fuzzOpenApi({
      baseUrl: bed.service.url,
      credentials,
      seeds: { 'field:userId': ['u1', 'u2', 'u3', 'u4', 'admin1'], 'field:resourceId': ['k1', 'k2', 'k3'] },
      // An isolated circuit answers 503 by design until it is reset.
      ...undoCircuitIsolation(bed.service.url, admin),
    });

    console.log(formatFuzzReport('project', report));
    expect(report.requests).toBeGreaterThanOrEqual(fuzzSettings().requests);
  }, 600_000);
});
