import {
  formatFuzzReport,
  fuzzCredentials,
  fuzzOpenApi,
  fuzzSettings,
  signTestToken,
  undoCircuitIsolation,
} from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

/**
 * Every operation of the download service's own OpenAPI document, with generated valid and broken
 * requests (FUZZ_RUNS, default 2000; FUZZ_SEED replays a run). The library emulator is healthy here,
 * so no answer may be a 5xx: not even a downstream 502/503/504, which would mean the service passed
 * bad input on to the library (a bad cursor, say) instead of refusing it.
 */
describe('download service: OpenAPI fuzzing (e2e)', () => {
  let bed: DownloadTestBed;

  beforeAll(async () => {
    bed = await startDownloadTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('answers no fuzzed request with a 5xx', async () => {
    const credentials = await fuzzCredentials([
      { sub: 'u1' },
      { sub: 'u2' },
      { sub: 'admin1', roles: ['admin'], weight: 2 },
      { sub: 'u9', weight: 1 },
    ]);
    const admin = await signTestToken({ sub: 'admin1', roles: ['admin'] });

    const report = await fuzzOpenApi({
      baseUrl: bed.service.url,
      credentials,
      // The sandbox library's seed: u1 owns g1 and g2, u2 owns g3.
      seeds: { 'field:gameId': ['g1', 'g2', 'g3', 'g4'] },
      // An isolated circuit answers 503 by design until it is reset.
      ...undoCircuitIsolation(bed.service.url, admin),
    });

    console.log(formatFuzzReport('download', report));
    expect(report.requests).toBeGreaterThanOrEqual(fuzzSettings().requests);
  }, 600_000);
});
