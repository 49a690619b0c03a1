import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { SANDBOX_PROWLARR_API_KEY } from './prowlarr.constants';
import { startProwlarrEmulator, type RunningProwlarrEmulator } from './prowlarr.emulator';
import { PROWLARR_MOVIES } from './prowlarr-releases.seed';

/**
 * Checks the emulator's JSON against Prowlarr's own OpenAPI document (a verbatim copy in
 * `contracts/`). Its schemas already say `additionalProperties: false`, so a misspelt field fails too.
 */
describe('Prowlarr emulator contract', () => {
  let prowlarr: RunningProwlarrEmulator;
  let schema: (name: string) => ValidateFunction;

  const getJson = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${prowlarr.url}${path}`, { headers: { 'x-api-key': SANDBOX_PROWLARR_API_KEY } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const violations = (name: string, value: unknown) => {
    const validate = schema(name);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  beforeAll(async () => {
    const document = JSON.parse(readFileSync(join(__dirname, 'contracts', 'prowlarr-openapi.json'), 'utf8'));
    // strict: false tolerates OpenAPI's extra keywords (readOnly is fine; `nullable` is built into ajv 8).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const format of ['int32', 'int64', 'double', 'float']) ajv.addFormat(format, true);
    ajv.addSchema({ $id: 'prowlarr', components: withoutUntypedNullable(document.components) });
    schema = (name) => ajv.getSchema(`prowlarr#/components/schemas/${name}`)!;
    prowlarr = await startProwlarrEmulator({ apiKey: SANDBOX_PROWLARR_API_KEY });
  });

  afterAll(async () => {
    await prowlarr.close();
  });

  it.each(Object.entries(PROWLARR_MOVIES))(
    'answers every search result for %s as a ReleaseResource',
    async (_, movie) => {
      // Act
      const releases = await getJson<unknown[]>(
        `/api/v1/search?type=movie&query=${encodeURIComponent(`{ImdbId:${movie.imdbId}}`)}`,
      );

      // Assert
      expect(releases.length).toBeGreaterThan(0);
      expect(releases.flatMap((release) => violations('ReleaseResource', release))).toEqual([]);
    },
  );

  it('answers an RSS request (no query), published releases included, as ReleaseResources', async () => {
    // Arrange
    prowlarr.publishRelease({ indexerId: 5, title: 'Unknown.Film.2024.1080p.WEB-DL.DDP5.1.H.264-GRP' });

    // Act
    const releases = await getJson<unknown[]>('/api/v1/search?query=&type=search&categories=2000');
    prowlarr.resetFeed();

    // Assert
    expect(releases.length).toBeGreaterThan(30);
    expect(releases.flatMap((release) => violations('ReleaseResource', release))).toEqual([]);
  });

  it('answers every indexer as an IndexerResource, also once it has failed', async () => {
    // Arrange
    prowlarr.setIndexerBehaviour(2, { failing: true });

    // Act
    const indexers = await getJson<unknown[]>('/api/v1/indexer');
    prowlarr.resetIndexerBehaviours();

    // Assert
    expect(indexers).toHaveLength(5);
    expect(indexers.flatMap((indexer) => violations('IndexerResource', indexer))).toEqual([]);
  });

  it.each([
    ['SystemResource', '/api/v1/system/status'],
    ['IndexerStatsResource', '/api/v1/indexerstats'],
  ])('answers a %s', async (name, path) => {
    // Act
    const body = await getJson(path);

    // Assert
    expect(violations(name, body)).toEqual([]);
  });

  it('rejects a release whose imdbId is a string, or that carries an unknown field', async () => {
    // Arrange
    const [release] = await getJson<Record<string, unknown>[]>(
      `/api/v1/search?query=${encodeURIComponent('{ImdbId:tt0133093}')}`,
    );

    // Act
    const wrongType = violations('ReleaseResource', { ...release, imdbId: 'tt0133093' });
    const misspelt = violations('ReleaseResource', { ...release, infohash: release.infoHash });

    // Assert
    expect(wrongType).toEqual(['/imdbId must be integer']);
    expect(misspelt).toEqual([' must NOT have additional properties']);
  });
});

/** `Field.value` is `{ nullable: true }` with no type (any JSON); ajv wants a type beside `nullable`. */
function withoutUntypedNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutUntypedNullable);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(
    ([key]) => !(key === 'nullable' && !('type' in node) && !('$ref' in node)),
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutUntypedNullable(value)]));
}
