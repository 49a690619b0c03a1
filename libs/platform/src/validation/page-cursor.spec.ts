import { RequestValidationError } from '../errors/request-validation.error';
import { UUID_PATTERN, decodePageCursor, encodePageCursor } from './page-cursor';

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

describe(decodePageCursor.name, () => {
  it('round-trips what encodePageCursor wrote, a key with a | included', () => {
    const cursor = { at: new Date('2026-01-02T03:04:05.678Z'), id: 'k|1' };

    expect(decodePageCursor(encodePageCursor(cursor))).toEqual(cursor);
  });

  it('takes a uuid key where the caller asks for one', () => {
    const cursor = { at: new Date(0), id: '6f1c2b9a-3d4e-4f5a-8b6c-7d8e9f0a1b2c' };

    expect(decodePageCursor(encodePageCursor(cursor), UUID_PATTERN)).toEqual(cursor);
  });

  it.each([
    ['garbage', 'abc'],
    ['an empty cursor', ''],
    ['text outside base64url', 'a+b/c='],
    ['no separator', cursorOf('2026-01-01T00:00:00.000Z')],
    ['an empty key', cursorOf('2026-01-01T00:00:00.000Z|')],
    ['a date Postgres cannot store', cursorOf('-271821-04-20T00:00:00.000Z|k1')],
    ['a date in another format', cursorOf('2026-01-01|k1')],
    ['an impossible date', cursorOf('2026-02-31T00:00:00.000Z|k1')],
    ['a NUL in the key', cursorOf('2026-01-01T00:00:00.000Z|k\u00001')],
    ['a key longer than 128', cursorOf(`2026-01-01T00:00:00.000Z|${'k'.repeat(129)}`)],
  ])('refuses %s with the 400 validation problem naming the cursor', (_name, text) => {
    let error: unknown;
    try {
      decodePageCursor(text);
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).errors).toEqual(['cursor is not one this service issued']);
  });

  it('refuses a key that is not a uuid where one is required', () => {
    expect(() => decodePageCursor(cursorOf('2026-01-01T00:00:00.000Z|not-a-uuid'), UUID_PATTERN)).toThrow(
      RequestValidationError,
    );
  });
});
