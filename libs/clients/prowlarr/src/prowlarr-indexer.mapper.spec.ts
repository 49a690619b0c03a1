import { DownstreamContractError } from '@keel/clients-core';
import { DEFAULT_INDEXER_PRIORITY, parseIndexers } from './prowlarr-indexer.mapper';

describe(parseIndexers.name, () => {
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
    expect(() => parseIndexers(body)).toThrow(DownstreamContractError);
  });

  it('reads an empty array as "no indexers"', () => {
    expect(parseIndexers([])).toEqual([]);
  });
});
