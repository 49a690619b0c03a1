import fc from 'fast-check';

/** The parts of an OpenAPI 3 schema object the fuzzer reads. */
export type Schema = Record<string, any>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * A value the fuzzer fills in when it sends the request, from what earlier answers returned (ids of
 * created resources, cursors) or the caller's seeds: random text rarely names an existing project,
 * so without these the deep paths (a project's members, a movie's grab) would never be reached.
 */
export class PoolRef {
  constructor(
    readonly keys: string[],
    readonly pick: number,
    /** Sent when the pool has nothing under these keys yet. */
    readonly fallback = 'none',
  ) {}
}

/** `$ref` and single-member `allOf` (how @nestjs/swagger writes a nested DTO) resolved. */
export function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  let current: Schema = schema ?? {};
  for (let hops = 0; hops < 16; hops++) {
    if (typeof current.$ref === 'string') {
      current = doc.components?.schemas?.[current.$ref.split('/').pop() as string] ?? {};
    } else if (Array.isArray(current.allOf) && current.allOf.length === 1) {
      const { allOf, ...rest } = current;
      current = { ...rest, ...resolveSchema(doc, allOf[0]) };
    } else break;
  }
  return current;
}

const clampLength = (n: number | undefined, fallback: number): number => Math.min(n ?? fallback, fallback);

function validString(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, clampLength(schema.maxLength, 40));
  const choices: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: fc.string({ minLength, maxLength }), weight: 4 }];
  if (schema.pattern)
    choices.push({
      arbitrary: fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity)),
      weight: 4,
    });
  // Valid Unicode beyond ASCII (emoji as surrogate pairs): still a valid request. One code point per
  // unit, so the length is what class-validator counts (a surrogate pair is one character).
  if (!schema.pattern)
    choices.push({ arbitrary: fc.string({ unit: 'grapheme-composite', minLength, maxLength }), weight: 2 });
  if (typeof schema.example === 'string') choices.push({ arbitrary: fc.constant(schema.example), weight: 2 });
  // The longest value the schema allows: the boundary a column width or a cap meets.
  if (schema.maxLength !== undefined && !schema.pattern)
    choices.push({ arbitrary: fc.constant('x'.repeat(schema.maxLength)), weight: 1 });
  return fc.oneof(...choices);
}

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000_000;
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), weight: 5 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
  );
}

/** Values a schema accepts. `name` lets a property draw from the pool (an id an earlier answer returned). */
export function validValue(
  doc: OpenApiDocument,
  raw: Schema | undefined,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  const value = validBare(doc, schema, name, depth);
  return schema.nullable
    ? fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 })
    : value;
}

function validBare(
  doc: OpenApiDocument,
  schema: Schema,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string': {
      const text = validString(schema);
      return name
        ? fc.oneof(
            {
              arbitrary: fc.tuple(fc.nat(), text).map(([n, fallback]) => new PoolRef([`field:${name}`], n, fallback)),
              weight: 3,
            },
            { arbitrary: text, weight: 2 },
          )
        : text;
    }
    case 'number':
    case 'integer':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(validValue(doc, schema.items, undefined, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.max(schema.minItems ?? 0, 4),
          });
    case 'object':
    case undefined:
      if (!schema.properties) return depth > 4 ? fc.constant({}) : fc.jsonValue({ maxDepth: 2 });
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([key, property]) => [
            key,
            validValue(doc, property as Schema, key, depth + 1),
          ]),
        ),
        {
          requiredKeys: schema.required ?? [],
        },
      );
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** A chain `depth` levels deep: where a recursive walk (a parser, class-transformer) meets its stack. */
export const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
};

/** Text a careless layer trips on: NUL, unpaired surrogates, numbers out of every range, markup. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udbff\udfff',
  '😀',
  'e\u0301',
  '\u202e',
  '%00',
  '%',
  '%zz',
  '..',
  '../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE x; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1e309',
  '-1',
  '0',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '99999999999999999999999999',
  '1.5',
  'x'.repeat(256),
  'x'.repeat(5_000),
  'ä'.repeat(3_000),
];

/** Any UTF-16 code unit, lone surrogates and control characters included. */
export const anyCodeUnitString = (maxLength = 30): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
    { arbitrary: anyCodeUnitString(), weight: 2 },
  );

/** A value of any JSON type, mostly the wrong one for wherever it lands. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileString(), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        0,
        -1,
        1.5,
        -0.5,
        2147483648,
        -2147483649,
        Number.MAX_SAFE_INTEGER + 2,
        1e308,
        -1e308,
        5e-324,
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [1, 'a'], { a: {} }, { $gt: '' }), weight: 2 },
    { arbitrary: fc.constantFrom(5, 31, 33, 200).map((depth) => nested(depth)), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  );
}

/** A schema-valid value, or one with a field wrong, missing, extra, or the whole thing the wrong type. */
export function mutatedValue(doc: OpenApiDocument, raw: Schema | undefined): fc.Arbitrary<unknown> {
  const schema = resolveSchema(doc, raw);
  const valid = validValue(doc, schema);
  const keys = Object.keys(schema.properties ?? {});
  const choices: Array<fc.WeightedArbitrary<unknown>> = [{ arbitrary: hostileValue(), weight: 2 }];
  if (keys.length === 0) return fc.oneof(...choices, { arbitrary: valid, weight: 1 });
  const asObject = valid.map((value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {},
  );
  choices.push(
    {
      arbitrary: fc
        .tuple(asObject, fc.constantFrom(...keys), hostileValue())
        .map(([value, key, bad]) => ({ ...value, [key]: bad })),
      weight: 6,
    },
    {
      arbitrary: fc
        .tuple(asObject, fc.constantFrom(...keys))
        .map(([value, key]) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(
          asObject,
          fc.dictionary(
            fc.oneof(
              fc.string({ maxLength: 12 }),
              fc.constantFrom('__proto__', 'constructor', 'id', 'ownerId', 'role', ''),
            ),
            hostileValue(),
            { minKeys: 1, maxKeys: 3 },
          ),
        )
        .map(([value, extra]) => ({ ...extra, ...value, ...extra })),
      weight: 3,
    },
  );
  return fc.oneof(...choices);
}
