import { offsetCursor, parseLimit } from './pagination';

describe(parseLimit.name, () => {
  it('takes the fallback when absent, whole numbers within 1..max, and nothing else', () => {
    const bounds = { fallback: 20, max: 100 };

    expect(parseLimit(null, bounds)).toBe(20);
    expect(parseLimit('1', bounds)).toBe(1);
    expect(parseLimit('100', bounds)).toBe(100);
    expect(['0', '101', '-1', '1.5', 'ten', '', '0010'].map((raw) => parseLimit(raw, bounds))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe(offsetCursor.name, () => {
  it('round-trips offsets and refuses cursors it did not issue, including another tag’s', () => {
    const cursor = offsetCursor('o');

    expect(cursor.decode(cursor.encode(40))).toBe(40);
    expect(cursor.encode(2)).toBe(Buffer.from('o2').toString('base64url'));
    expect(cursor.decode(offsetCursor('m').encode(2))).toBeNull();
    expect(cursor.decode('not-a-cursor')).toBeNull();
    expect(cursor.decode(`${cursor.encode(2)}=`)).toBeNull();
  });
});
