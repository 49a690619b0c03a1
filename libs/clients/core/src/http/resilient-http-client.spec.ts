import { encodePath } from './resilient-http-client';

describe(encodePath.name, () => {
  it('encodes each value as one path segment', () => {
    // Arrange
    const userId = 'a/b c';
    const gameId = '../admin?x=1#frag';

    // Act
    const path = encodePath`/api/v1/users/${userId}/games/${gameId}/ownership`;

    // Assert
    expect(path).toBe('/api/v1/users/a%2Fb%20c/games/..%2Fadmin%3Fx%3D1%23frag/ownership');
  });

  it('keeps the literal parts and formats numbers', () => {
    expect(encodePath`/items/${42}`).toBe('/items/42');
    expect(encodePath`/health`).toBe('/health');
  });
});
