import { parseByteSize, parseDuration, parsePort } from './env.util';

describe('env parsers', () => {
  it.each([
    ['5000', 5000],
    ['500ms', 500],
    ['5s', 5000],
    ['1.5s', 1500],
    ['1m', 60_000],
    [' 2h ', 7_200_000],
  ])('parseDuration(%j) = %d ms', (value, expected) => {
    expect(parseDuration('SHUTDOWN_DELAY', value, 1)).toBe(expected);
  });

  it('falls back when unset or blank, and names the variable when malformed', () => {
    expect(parseDuration('SHUTDOWN_DELAY', undefined, 5000)).toBe(5000);
    expect(parseDuration('SHUTDOWN_DELAY', '  ', 5000)).toBe(5000);
    expect(() => parseDuration('SHUTDOWN_DELAY', 'soon', 5000)).toThrow(/^SHUTDOWN_DELAY must be a duration.*"soon"/);
  });

  it.each([
    ['1048576', 1_048_576],
    ['512kb', 524_288],
    ['1mb', 1_048_576],
    ['2MiB', 2_097_152],
  ])('parseByteSize(%j) = %d bytes', (value, expected) => {
    expect(parseByteSize('BODY_LIMIT', value, 1)).toBe(expected);
  });

  it('rejects a malformed size naming the variable', () => {
    expect(() => parseByteSize('BODY_LIMIT', '1 gallon', 1)).toThrow(/^BODY_LIMIT must be a size/);
  });

  it('parses ports and refuses out-of-range ones', () => {
    expect(parsePort('PORT', undefined, 3001)).toBe(3001);
    expect(parsePort('PORT', '0', 3001)).toBe(0);
    expect(parsePort('PORT', '8080', 3001)).toBe(8080);
    expect(() => parsePort('PORT', '70000', 3001)).toThrow(/^PORT must be a port number/);
    expect(() => parsePort('PORT', 'http', 3001)).toThrow(/^PORT/);
  });
});
