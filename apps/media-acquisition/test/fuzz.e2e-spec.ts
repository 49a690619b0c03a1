import {
  formatFuzzReport,
  fuzzCredentials,
  fuzzOpenApi,
  fuzzSettings,
  signTestToken,
  undoCircuitIsolation,
} from '@keel/platform/testing';
import { startMediaTestBed } from './media-test.setup';
import type { MediaTestBed } from './media-test.setup';

/**
 * Every operation of media-acquisition's own OpenAPI document, with generated valid and broken
 * requests (FUZZ_RUNS, default 2000; FUZZ_SEED replays a run). Prowlarr and qBittorrent emulators are
 * healthy here, so no answer may be a 5xx: not even a downstream 502/503/504, which would mean the
 * service passed bad input on to a downstream instead of refusing it.
 */
const API_KEY = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

describe('media-acquisition: OpenAPI fuzzing (e2e)', () => {
  let bed: MediaTestBed;

  beforeAll(async () => {
    // Prowlarr's quota (60 searches a minute) is load protection: past it a search is refused with
    // 503 downstream-rate-limited, by design and tested in rate-limit.e2e-spec. This spec is about
    // what a request holds, not how many come, so the quota is lifted and any 5xx stays a finding.
    // MEDIA_API_KEY: the Radarr-compatible /api/v3 routes are fuzzed past their key check too.
    bed = await startMediaTestBed({ PROWLARR_SERVICE_RATE_LIMIT: '1000000/1m', MEDIA_API_KEY: API_KEY });
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('answers no fuzzed request with a 5xx', async () => {
    // Writes need media:write or admin; a plain user reaches the reads and meets the 403s.
    const credentials = [
      ...(await fuzzCredentials([
        { sub: 'u1', roles: ['media:write'] },
        { sub: 'admin1', roles: ['admin'] },
        { sub: 'u2', weight: 2 },
      ])),
      { label: 'radarr api key', headers: { 'x-api-key': API_KEY }, weight: 6 },
    ];
    const admin = await signTestToken({ sub: 'admin1', roles: ['admin'] });
    const profiles =
      (await bed.call<{ items?: Array<{ name: string }> }>('GET', '/api/v1/quality-profiles')).body.items ?? [];

    const report = await fuzzOpenApi({
      baseUrl: bed.service.url,
      credentials,
      seeds: { 'field:qualityProfile': profiles.map((profile) => profile.name) },
      // An isolated circuit answers 503 by design until it is reset.
      ...undoCircuitIsolation(bed.service.url, admin),
    });

    console.log(formatFuzzReport('media-acquisition', report));
    expect(report.requests).toBeGreaterThanOrEqual(fuzzSettings().requests);
  }, 600_000);
});
