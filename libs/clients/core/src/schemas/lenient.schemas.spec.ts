import { z } from 'zod';
import { absentIfInvalid, tolerantList } from './lenient.schemas';

describe(absentIfInvalid.name, () => {
  it.each([
    ['missing', {}],
    ['null', { size: null }],
    ['of another type', { size: 'big' }],
  ])('reads a field %s as absent', (_case, body) => {
    // Arrange
    const schema = z.object({ size: absentIfInvalid(z.number()) });

    // Act
    const read = schema.parse(body);

    // Assert
    expect(read).toEqual({ size: undefined });
  });

  it('keeps a valid value', () => {
    expect(z.object({ size: absentIfInvalid(z.number()) }).parse({ size: 3 })).toEqual({ size: 3 });
  });
});

describe(tolerantList.name, () => {
  const list = tolerantList(z.object({ id: z.number() }), 'no entry has an id');

  it('skips the entries it cannot use', () => {
    expect(list.parse([{ id: 1 }, { id: 'x' }, null, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('reads an empty list as empty', () => {
    expect(list.parse([])).toEqual([]);
  });

  it('refuses a non-empty list with no usable entry, saying why', () => {
    // Act
    const result = list.safeParse([{ name: 'error page' }]);

    // Assert
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['no entry has an id']);
  });
});
