import { parseBulkhead, parseRate } from './duration';

describe(parseRate.name, () => {
  it.each([
    ['60/1m', { limit: 60, windowMs: 60_000 }],
    ['60/m', { limit: 60, windowMs: 60_000 }],
    ['5/10s', { limit: 5, windowMs: 10_000 }],
    ['100/500ms', { limit: 100, windowMs: 500 }],
    ['1/1h', { limit: 1, windowMs: 3_600_000 }],
    ['3/250', { limit: 3, windowMs: 250 }],
  ])('reads %j', (text, expected) => {
    expect(parseRate(text)).toEqual(expected);
  });

  it.each(['60', '0/1m', '-1/1m', '1.5/1m', 'x/1m', '/1m', '60/0s', '60/week', '60/-1m'])('rejects %j', (text) => {
    expect(parseRate(text)).toBeUndefined();
  });

  // Regression (was a bug at duration.ts:14): an empty window is prefixed with "1" like a bare unit ("m" → "1m"), so
  // "60/"
  // becomes "1", i.e. 60 calls per 1 ms — effectively no limit — instead of a start-up error.
  it('rejects "60/" (no window)', () => {
    expect(parseRate('60/')).toBeUndefined();
  });
});

describe(parseBulkhead.name, () => {
  it.each([
    ['32/128', { limit: 32, queue: 128 }],
    ['1/0', { limit: 1, queue: 0 }],
    ['8', { limit: 8, queue: 0 }],
  ])('reads %j', (text, expected) => {
    expect(parseBulkhead(text)).toEqual(expected);
  });

  it.each(['0/10', '-1/10', '1.5/10', '4/-1', '4/2.5', 'x/1', '4/y', ''])('rejects %j', (text) => {
    expect(parseBulkhead(text)).toBeUndefined();
  });
});
