import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateIf } from 'class-validator';
import { MAX_INPUT_DEPTH, screenInput } from './input-screen';

class PageQuery {
  @Type(() => Number)
  limit?: number;

  cursor?: string;
}

class PatchDto {
  @IsOptional()
  @IsString()
  name?: string;

  @ValidateIf((_dto, value) => value !== undefined && value !== null)
  @IsString()
  description?: string | null;
}

describe(screenInput.name, () => {
  it('refuses null for an @IsOptional field (it may be left out, not nulled), but not where null is allowed', () => {
    // Arrange: what the OpenAPI fuzzer sent: PATCH /projects/{id} {"name": null} was a 500.
    const body = { name: null, description: null };

    // Act
    const result = screenInput(body, { type: 'body', metatype: PatchDto });

    // Assert
    expect(result.errors).toEqual(['name must not be null (leave it out instead)']);
    expect(screenInput({ description: null }, { type: 'body', metatype: PatchDto }).errors).toEqual([]);
    expect(screenInput({}, { type: 'body', metatype: PatchDto }).errors).toEqual([]);
  });

  it('passes ordinary text, emoji (paired surrogates) and non-string values', () => {
    const result = screenInput(
      { name: 'Zoë 🎬', count: 3, tags: ['a', null], nested: { ok: true } },
      { type: 'body', metatype: Object },
    );

    expect(result).toEqual({ errors: [], fatal: false });
  });

  it('names every string with a NUL or an unpaired surrogate by its path, property names included', () => {
    const result = screenInput(
      { a: 'x\u0000', list: ['ok', '\udc00x'], deep: { 'k\u0000': 'v' } },
      { type: 'body', metatype: Object },
    );

    expect(result.errors).toEqual([
      'a must not contain NUL characters',
      'list.1 must be valid Unicode (it contains an unpaired surrogate)',
      'property name "deep.k\\u0000" must not contain NUL characters',
    ]);
  });

  it('reports a flat record (no nested value) with the same messages, in the same order, as a nested one', () => {
    // A flat record takes a shorter path than the walk: the names, last first, then the values.
    const body = screenInput(
      { 'a\u0000': 'x', b: '\udc00', c: 'ok\u0000\ud800', 'd\ud800': 1 },
      { type: 'body', metatype: Object },
    );
    const query = screenInput({ 'k\u0000': 'v\u0000' }, { type: 'query', data: 'filter', metatype: Object });

    expect(body.errors).toEqual([
      'property name "d\\ud800" must be valid Unicode (it contains an unpaired surrogate)',
      'property name "a\\u0000" must not contain NUL characters',
      'b must be valid Unicode (it contains an unpaired surrogate)',
      'c must not contain NUL characters',
      'c must be valid Unicode (it contains an unpaired surrogate)',
    ]);
    expect(query.errors).toEqual([
      'property name "filter.k\\u0000" must not contain NUL characters',
      'filter.k\u0000 must not contain NUL characters',
    ]);
  });

  it('names a single path parameter by its name', () => {
    expect(screenInput('\u0000', { type: 'param', data: 'userId', metatype: String }).errors).toEqual([
      'userId must not contain NUL characters',
    ]);
  });

  it('refuses, without walking on, an input nested deeper than the bound', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) deep = [deep];
    let deeper: unknown = deep;
    deeper = [deeper];

    expect(screenInput(deep, { type: 'body', metatype: Object }).fatal).toBe(false);
    expect(screenInput(deeper, { type: 'body', metatype: Object })).toEqual({
      errors: [`the request is nested more than ${MAX_INPUT_DEPTH} levels deep`],
      fatal: true,
    });
  });

  it('accepts only decimal integers as text for fields declared number, and leaves text fields alone', () => {
    expect(screenInput({ limit: '0x10', cursor: '0x10' }, { type: 'query', metatype: PageQuery }).errors).toEqual([
      'limit must be a decimal integer',
    ]);
    expect(screenInput({ limit: '-12', cursor: '1e3' }, { type: 'query', metatype: PageQuery }).errors).toEqual([]);
    expect(screenInput('1e3', { type: 'query', data: 'n', metatype: Number }).errors).toEqual([
      'n must be a decimal integer',
    ]);
  });
});
