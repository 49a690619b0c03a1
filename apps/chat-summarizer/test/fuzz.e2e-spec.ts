import {
  formatFuzzReport,
  fuzzCredentials,
  fuzzOpenApi,
  fuzzSettings,
  signTestToken,
  undoCircuitIsolation,
} from '@keel/platform/testing';
import { startSummarizerTestBed } from './chat-summarizer-test.setup';
import type { SummarizerTestBed } from './chat-summarizer-test.setup';

/**
 * Every operation of the chat-summarizer's own OpenAPI document, with generated valid and broken
 * requests (FUZZ_RUNS, default 2000; FUZZ_SEED replays a run). The chat and LLM emulators are healthy
 * here, so no answer may be a 5xx: not even a downstream 502/503/504, which would mean the service
 * passed bad input on to a downstream instead of refusing it.
 */
describe('chat-summarizer: OpenAPI fuzzing (e2e)', () => {
  let bed: SummarizerTestBed;

  beforeAll(async () => {
    bed = await startSummarizerTestBed();
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
      // The chat emulator's seed: c1 has u1 and u2, c2 only u2.
      seeds: { '/api/v1/conversations:id': ['c1', 'c2', 'c3'] },
      // An isolated circuit answers 503 by design until it is reset.
      ...undoCircuitIsolation(bed.service.url, admin),
    });

    console.log(formatFuzzReport('chat-summarizer', report));
    expect(report.requests).toBeGreaterThanOrEqual(fuzzSettings().requests);
  }, 600_000);
});
