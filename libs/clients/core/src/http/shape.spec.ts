import { DownstreamContractError } from '../errors/contract.error';
import { checkShape, shapeViolations } from './shape';

const OWNERSHIP = { userId: 'string', gameId: 'string', owned: 'boolean', acquiredAt: 'string|null' } as const;

describe(shapeViolations.name, () => {
  it('finds nothing wrong with a body that keeps the contract', () => {
    expect(
      shapeViolations({ userId: 'u1', gameId: 'g1', owned: false, acquiredAt: null, extra: 1 }, OWNERSHIP),
    ).toEqual([]);
  });

  it('names each field that breaks the contract, with what it got', () => {
    // Act
    const violations = shapeViolations({ userId: 'u1', gameId: 7, owned: 'yes' }, OWNERSHIP);

    // Assert
    expect(violations).toEqual([
      'body.gameId: expected string, got number',
      'body.owned: expected boolean, got string',
      'body.acquiredAt: expected string|null, got undefined',
    ]);
  });

  it.each([
    [null, 'body: expected an object'],
    [[], 'body: expected an object'],
    ['text', 'body: expected an object'],
    [undefined, 'body: expected an object'],
  ])('refuses a %j body outright', (body, message) => {
    expect(shapeViolations(body, OWNERSHIP)).toEqual([message]);
  });

  it('checks every field type', () => {
    // Arrange
    const fields = { n: 'number', nn: 'number|null', s: 'string[]', a: 'array', o: 'object' } as const;

    // Act
    const good = shapeViolations({ n: 1.5, nn: null, s: ['a'], a: [1, 'x'], o: {} }, fields);
    const bad = shapeViolations({ n: Infinity, nn: '1', s: ['a', 2], a: {}, o: [] }, fields, 'body.games[3]');

    // Assert
    expect(good).toEqual([]);
    expect(bad).toEqual([
      'body.games[3].n: expected number, got number',
      'body.games[3].nn: expected number|null, got string',
      'body.games[3].s: expected string[], got array',
      'body.games[3].a: expected array, got object',
      'body.games[3].o: expected object, got array',
    ]);
  });
});

describe(checkShape.name, () => {
  it('returns the body itself when it keeps the contract', () => {
    // Arrange
    const body = { userId: 'u1', gameId: 'g1', owned: true, acquiredAt: '2024-01-02T03:04:05Z' };

    // Act / Assert
    expect(checkShape('library', body, OWNERSHIP)).toBe(body);
  });

  it('throws DownstreamContractError (502) listing every violation', () => {
    // Act
    let error: unknown;
    try {
      checkShape('library', { userId: 'u1', gameId: 'g1', owned: 'yes', acquiredAt: 3 }, OWNERSHIP);
    } catch (e) {
      error = e;
    }

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).httpStatus).toBe(502);
    expect((error as DownstreamContractError).violations).toEqual([
      'body.owned: expected boolean, got string',
      'body.acquiredAt: expected string|null, got number',
    ]);
    expect((error as DownstreamContractError).message).toBe(
      'library answered outside its contract: body.owned: expected boolean, got string; body.acquiredAt: expected string|null, got number',
    );
  });
});
