import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor, toPage } from './page-cursor';

describe('page cursor', () => {
  it('round-trips a (timestamp, id) pair, ids with a | included', () => {
    // Arrange
    const cursor = { at: new Date('2026-01-02T03:04:05.678Z'), id: 'k|1' };

    // Act
    const decoded = decodeCursor(encodeCursor(cursor));

    // Assert
    expect(decoded).toEqual(cursor);
  });

  it.each([
    'bm90LWEtY3Vyc29y',
    '',
    Buffer.from('not-a-date|x').toString('base64url'),
    Buffer.from('2026-01-01T00:00:00Z|').toString('base64url'),
  ])('rejects %j with 400', (text) => {
    expect(() => decodeCursor(text)).toThrow(BadRequestException);
  });

  it('gives a next cursor only when there was one more row than the page', () => {
    // Arrange
    const rows = [1, 2, 3].map((n) => ({ n, at: new Date(n * 1000), id: `r${n}` }));
    const key = (row: { at: Date; id: string }) => ({ at: row.at, id: row.id });

    // Act
    const more = toPage(rows, 2, key, (row) => row.n);
    const last = toPage(rows, 3, key, (row) => row.n);

    // Assert
    expect(more.items).toEqual([1, 2]);
    expect(decodeCursor(more.nextCursor as string)).toEqual({ at: new Date(2000), id: 'r2' });
    expect(last).toEqual({ items: [1, 2, 3], nextCursor: null });
  });
});
