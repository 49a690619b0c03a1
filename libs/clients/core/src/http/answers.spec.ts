import { z } from 'zod';
import { DownstreamContractError } from '../errors/contract.error';
import { DownstreamRejectedError } from '../errors/rejected.error';
import {
  RetryableStatusError,
  bytesAnswer,
  failOnStatus,
  parseRetryAfter,
  readAnswer,
  textAnswer,
  wholeAnswer,
} from './answers';

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it.each([
    ['0', 0],
    ['2', 2000],
    ['120', 120_000],
    [' 3 ', 3000],
  ])('reads delta-seconds %j as %d ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it('reads an HTTP-date as the ms left until then', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:05 GMT', now)).toBe(5000);
  });

  it('reads an HTTP-date in the past as 0', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['7', '1'], now)).toBe(7000);
  });

  it.each([undefined, '', 'soon', []])('returns undefined for %j', (header) => {
    expect(parseRetryAfter(header as string | string[] | undefined, now)).toBeUndefined();
  });
});

describe(RetryableStatusError.name, () => {
  it('carries status, Retry-After and body', () => {
    // Act
    const error = new RetryableStatusError(503, 1000, '{"title":"busy"}');

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RetryableStatusError');
    expect(error.message).toBe('downstream answered 503');
    expect([error.status, error.retryAfterMs, error.body]).toEqual([503, 1000, '{"title":"busy"}']);
  });
});

describe(readAnswer.name, () => {
  const Ownership = z.object({ owned: z.boolean(), acquiredAt: z.string().nullable().optional() });
  const answer = (status: number, text = '', headers = {}) => ({ status, headers, text });

  it('parses a declared status through its schema, dropping unknown keys', () => {
    // Act
    const result = readAnswer('library', answer(200, '{"owned":true,"extra":1}'), { 200: Ownership, 404: null });

    // Assert
    expect(result).toEqual({ status: 200, body: { owned: true } });
  });

  it('reads no body for a status declared null', () => {
    // Act
    const result = readAnswer('library', answer(404, 'not json'), { 200: Ownership, 404: null });

    // Assert
    expect(result).toEqual({ status: 404, body: undefined });
  });

  it('names each violation of the schema by its path', () => {
    // Act
    const error = catching(() => readAnswer('library', answer(200, '{"owned":"yes"}'), { 200: Ownership }));

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toEqual(['body.owned: expected boolean, got string']);
  });

  it('turns a body that is not JSON into a contract error', () => {
    // Act
    const error = catching(() => readAnswer('library', answer(200, '{"owned'), { 200: Ownership }));

    // Assert
    expect((error as DownstreamContractError).violations).toEqual(['the body is not valid JSON']);
  });

  it('turns an undeclared 4xx into DownstreamRejectedError with its problem', () => {
    // Act
    const error = catching(() =>
      readAnswer('library', answer(403, '{"title":"Forbidden","detail":"no"}'), { 200: Ownership }),
    );

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect(error).toMatchObject({ status: 403, problem: { title: 'Forbidden', detail: 'no' } });
  });

  it.each([204, 301])('turns an undeclared %i into a contract error', (status) => {
    // Act
    const error = catching(() => readAnswer('library', answer(status), { 200: Ownership }));

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
  });

  it('reads text, bytes and the whole answer when declared so', () => {
    // Arrange
    const moved = { status: 301, headers: { location: 'magnet:?xt=1' }, text: '' };

    // Act
    const text = readAnswer('q', answer(200, 'Ok.'), { 200: textAnswer() });
    const bytes = readAnswer('q', { ...answer(200, 'd4:spam'), bytes: Buffer.from('d4:spam') }, { 200: bytesAnswer() });
    const whole = readAnswer('p', moved, { 301: wholeAnswer() });

    // Assert
    expect(text.body).toBe('Ok.');
    expect(bytes.body.equals(Buffer.from('d4:spam'))).toBe(true);
    expect(whole.body.headers.location).toBe('magnet:?xt=1');
  });
  it('reads a text body through its schema, typed by it', () => {
    // Arrange
    const version = z
      .string()
      .transform((text) => text.trim())
      .pipe(z.string().regex(/^\d+(\.\d+)*$/, 'not a version'));

    // Act
    const read = readAnswer('q', answer(200, '2.11.2\n'), { 200: textAnswer(version) });

    // Assert
    const body: string = read.body;
    expect(body).toBe('2.11.2');
  });

  it('calls a text body its schema refuses a contract error naming what came', () => {
    // Arrange
    const version = z.string().regex(/^\d+(\.\d+)*$/, 'not a version');

    // Act
    const error = catching(() =>
      readAnswer('q', answer(200, '<html>proxy error</html>'), { 200: textAnswer(version) }),
    );

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toEqual([
      'body: not a version, got "<html>proxy error</html>"',
    ]);
  });
});

describe(failOnStatus.name, () => {
  it.each([500, 502, 503, 429])('throws %i for the pipeline, with its Retry-After', (status) => {
    // Act
    const error = catching(() => failOnStatus({ status, headers: { 'retry-after': '2' }, text: '' }));

    // Assert
    expect(error).toBeInstanceOf(RetryableStatusError);
    expect(error).toMatchObject({ status, retryAfterMs: 2000 });
  });

  it('returns a 4xx other than 429', () => {
    expect(failOnStatus({ status: 404, headers: {}, text: '' }).status).toBe(404);
  });
});

function catching(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
