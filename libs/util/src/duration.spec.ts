import { parseDuration } from './duration';

describe(parseDuration.name, () => {
  it.each([
    ['250ms', 250],
    ['10s', 10_000],
    ['1m', 60_000],
    ['1.5h', 5_400_000],
    ['0.5s', 500],
    ['750', 750],
    ['0', 0],
    ['  10 s  ', 10_000],
    ['2.25m', 135_000],
  ])('reads %j as %d ms', (text, expected) => {
    // Act
    const ms = parseDuration(text);

    // Assert
    expect(ms).toBe(expected);
  });

  it.each(['', 'ten seconds', '10d', '-5s', '1e3', '10 S', '.5s', '5s5', 's'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
