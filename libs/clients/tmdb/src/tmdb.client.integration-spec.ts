import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import {
  DownstreamContractError,
  DownstreamHealth,
  DownstreamRejectedError,
  DownstreamUnavailableError,
  getDownstreamHealthToken,
} from '@keel/clients-core';
import { ResilienceModule } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import { sandboxControl, startTmdbEmulator } from '@keel/sandbox';
import type { RunningEmulator, SandboxControl } from '@keel/sandbox';
import { TmdbClient } from './tmdb.client';
import { TmdbClientModule } from './tmdb-client.module';
import { TMDB } from './tmdb.constants';

/** The real client, policies and transport against the TMDB emulator on 127.0.0.1 (never stubs). */
describe(TmdbClient.name, () => {
  let emulator: RunningEmulator;
  let strict: RunningEmulator;
  let control: SandboxControl;
  let moduleRef: TestingModule;
  let client: TmdbClient;

  const fast: PolicyOptionsInput = { retry: { initialDelayMs: 5, maxDelayMs: 20 } };
  const stats = () =>
    control.stats<{ requests: number; byPath: Record<string, number>; lastHeaders: Record<string, unknown> }>();

  async function boot(env: Record<string, string> = {}, policy: PolicyOptionsInput = fast) {
    Object.assign(process.env, { TMDB_SERVICE_URL: emulator.url, TMDB_SERVICE_TIMEOUT: '2s', ...env });
    moduleRef = await Test.createTestingModule({
      imports: [ResilienceModule.forRoot({ policies: { tmdb: policy } }), TmdbClientModule],
    }).compile();
    await moduleRef.init();
    client = moduleRef.get(TmdbClient);
  }

  beforeAll(async () => {
    emulator = await startTmdbEmulator({ port: 0 });
    strict = await startTmdbEmulator({ port: 0, apiKey: 'real-read-token' });
    control = sandboxControl(emulator.url);
  });

  beforeEach(async () => {
    await control.heal();
    await control.resetStats();
  });

  afterEach(async () => {
    await moduleRef?.close();
    for (const key of ['TMDB_SERVICE_URL', 'TMDB_SERVICE_TIMEOUT', 'TMDB_API_KEY']) delete process.env[key];
  });

  afterAll(async () => {
    await Promise.all([emulator.close(), strict.close()]);
  });

  it('reads a movie’s title, year, runtime and IMDb id, and sends the key as a bearer token only', async () => {
    await boot();

    const movie = await client.movie(603);

    expect(movie).toEqual({
      tmdbId: 603,
      title: 'The Matrix',
      originalTitle: 'The Matrix',
      year: 1999,
      releaseDate: '1999-03-31',
      runtimeMinutes: 136,
      imdbId: 'tt0133093',
      overview: expect.any(String),
      posterPath: expect.stringMatching(/^\//),
    });
    const after = await stats();
    expect(after.lastHeaders.authorization).toBe(true);
    expect(Object.keys(after.byPath).some((path) => path.includes('api_key'))).toBe(false);
  });

  it('answers undefined for an id TMDB does not know', async () => {
    await boot();

    expect(await client.movie(999_999_999)).toBeUndefined();
  });

  it('searches by title and year', async () => {
    await boot();

    const both = await client.search('dune');
    const old = await client.search('dune', 1984);

    expect(both.results.map((m) => [m.tmdbId, m.year])).toEqual([
      [438631, 2021],
      [841, 1984],
    ]);
    expect(both).toMatchObject({ page: 1, totalPages: 1, totalResults: 2 });
    expect(old.results).toEqual([
      {
        tmdbId: 841,
        title: 'Dune',
        originalTitle: 'Dune',
        year: 1984,
        releaseDate: '1984-12-14',
        overview: expect.any(String),
        posterPath: expect.any(String),
      },
    ]);
  });

  it('uses TMDB_API_KEY; a key TMDB refuses is a 401 rejection (502), not a missing movie', async () => {
    await boot({ TMDB_SERVICE_URL: strict.url, TMDB_API_KEY: 'real-read-token' });
    const right = await client.movie(27205);
    await moduleRef.close();
    await boot({ TMDB_SERVICE_URL: strict.url, TMDB_API_KEY: 'wrong' });

    const error = await client.movie(27205).catch((e: unknown) => e);

    expect(right?.title).toBe('Inception');
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(401);
    expect((error as DownstreamRejectedError).httpStatus).toBe(502);
  });

  it('turns a TMDB that is down into DownstreamUnavailableError (503)', async () => {
    await boot({}, { ...fast, retry: { ...fast.retry, maxRetries: 1 } });
    await control.inject({ mode: 'error', status: 503 });

    const error = await client.movie(603).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect((error as DownstreamUnavailableError).httpStatus).toBe(503);
    expect((await stats()).requests).toBe(2);
  });

  it('turns a malformed body into DownstreamContractError (502)', async () => {
    await boot();
    await control.inject({ mode: 'malformed' });

    const error = await client.search('matrix').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).httpStatus).toBe(502);
  });

  it('reports health from the keyless probe of /3/configuration, which TMDB answers 401', async () => {
    await boot({ TMDB_SERVICE_URL: strict.url });
    const health = moduleRef.get<string, DownstreamHealth>(getDownstreamHealthToken(TMDB), { strict: false });

    const up = await health.isHealthy('tmdb');
    await sandboxControl(strict.url).inject({ mode: 'down' });
    const down = await health.isHealthy('tmdb');
    await sandboxControl(strict.url).heal();

    expect(up.tmdb).toMatchObject({ status: 'up', probeStatus: 401 });
    expect(down.tmdb).toMatchObject({ status: 'down', state: 'down' });
  });
});
