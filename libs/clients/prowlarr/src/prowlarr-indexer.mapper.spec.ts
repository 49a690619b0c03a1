import { DEFAULT_INDEXER_PRIORITY, toIndexer } from './prowlarr-indexer.mapper';
import { prowlarrIndexersSchema } from './prowlarr.schemas';

/** What the client does with a `/api/v1/indexer` body: check it against the schema, then map each entry. */
const parseIndexers = (body: unknown) => prowlarrIndexersSchema.parse(body).map(toIndexer);

describe('Prowlarr indexers (schema + toIndexer)', () => {
  it('reads a full IndexerResource', () => {
    // Arrange
    const resource = {
      id: 3,
      name: '1337x',
      enable: false,
      priority: 10,
      protocol: 'torrent',
      privacy: 'public',
      supportsSearch: false,
      supportsRss: false,
      fields: [],
    };

    // Act
    const [indexer] = parseIndexers([resource]);

    // Assert
    expect(indexer).toEqual({
      id: 3,
      name: '1337x',
      enable: false,
      priority: 10,
      protocol: 'torrent',
      privacy: 'public',
      supportsSearch: false,
      supportsRss: false,
    });
  });

  it('defaults every optional field of an entry that has only an id (older/newer Prowlarr builds)', () => {
    // Act
    const [indexer] = parseIndexers([{ id: 7 }]);

    // Assert
    expect(indexer).toEqual({
      id: 7,
      name: 'Indexer 7',
      enable: true,
      priority: DEFAULT_INDEXER_PRIORITY,
      protocol: 'unknown',
      privacy: 'unknown',
      supportsSearch: true,
      supportsRss: true,
    });
  });

  it('reads null and mistyped optional fields as absent', () => {
    // Act
    const [indexer] = parseIndexers([{ id: 1, name: null, supportsSearch: 'yes', priority: '5' }]);

    // Assert
    expect(indexer).toMatchObject({ name: 'Indexer 1', supportsSearch: true, priority: DEFAULT_INDEXER_PRIORITY });
  });

  it('skips entries without a numeric id and keeps the rest', () => {
    // Act
    const indexers = parseIndexers([{ name: 'no id' }, { id: '2' }, { id: 4, name: 'kept' }]);

    // Assert
    expect(indexers.map((indexer) => indexer.name)).toEqual(['kept']);
  });

  it.each([
    ['an object', { message: 'x' }],
    ['entries none of which has an id', [{ name: 'a' }, null]],
  ])('calls %s a contract error', (_what, body) => {
    // Act + Assert
    expect(prowlarrIndexersSchema.safeParse(body).success).toBe(false);
  });

  it('reads an empty array as "no indexers"', () => {
    expect(parseIndexers([])).toEqual([]);
  });
});
