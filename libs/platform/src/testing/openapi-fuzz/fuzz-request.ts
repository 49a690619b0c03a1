import fc from 'fast-check';
import { PoolRef, hostileString, mutatedValue, resolveSchema, validValue } from './fuzz-values';
import type { OpenApiDocument, Schema } from './fuzz-values';

/** One operation of the document: `POST /api/v1/projects/{id}/members`. */
export interface FuzzOperation {
  method: string;
  template: string;
  operation: Record<string, any>;
}

/** A path parameter before it is sent: a value to encode, one already encoded, or one from the pool. */
export type PathPart = { text: string } | { encoded: string } | PoolRef;

/** A generated request, still holding pool references; `resolveRequest` turns it into bytes. */
export interface GeneratedRequest {
  /** `POST /api/v1/projects/{id}/members`: a key, so a counterexample prints short. */
  operation: string;
  pathParams: Record<string, PathPart>;
  query: Array<[string, string | PoolRef]>;
  headers: Record<string, string>;
  /** Index into the caller's credentials. */
  auth: number;
  /** A JSON value to serialise, or raw text sent as it is. */
  body?: { json: unknown } | { raw: string };
  contentType?: string;
}

export function listOperations(doc: OpenApiDocument): FuzzOperation[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })),
  );
}

export const operationKey = (op: FuzzOperation): string => `${op.method} ${op.template}`;

/** Where ids of the resources under `template` are kept: `/api/v1/projects/{id}/comments` for `{commentId}`. */
export const collectionOf = (template: string, param: string): string =>
  template.slice(0, template.indexOf(`{${param}}`)).replace(/\/$/, '');

/** Path segments that reach the router or the pipe already encoded, as an attacker would send them. */
const RAW_SEGMENTS = [
  '%00',
  '%',
  '%zz',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '%ED%A0%80',
  '%C0%AE',
  '%FF',
  '%u0000',
  `${'9'.repeat(40)}`,
  'a'.repeat(3_000),
  '%20',
  '+',
  ';x=1',
  '%0A',
];

function pathParam(doc: OpenApiDocument, template: string, name: string, schema: Schema): fc.Arbitrary<PathPart> {
  const collection = collectionOf(template, name);
  const poolKeys = [`${collection}:id`, `field:${name}`];
  const valid = validValue(doc, schema).map((value) => ({ text: String(value) }));
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 12 }))
        .map(([n, fallback]) => new PoolRef(poolKeys, n, fallback)),
      weight: 6,
    },
    { arbitrary: valid.filter((part) => part.text !== ''), weight: 2 },
    {
      arbitrary: hostileString()
        .filter((text) => text !== '')
        .map((text) => ({ text })),
      weight: 2,
    },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((encoded) => ({ encoded })), weight: 1 },
  );
}

/** Query text a `Number()` or a boolean transform reads wrongly, plus the schema's own. */
function queryValue(doc: OpenApiDocument, name: string, schema: Schema): fc.Arbitrary<string | PoolRef> {
  const resolved = resolveSchema(doc, schema);
  const wrongNumbers = fc.constantFrom(
    '0x10',
    '1e2',
    ' 16',
    '+16',
    '16.0',
    '-1',
    '0',
    '',
    'Infinity',
    'NaN',
    '99999999999999999999',
    '1_0',
    '١٢',
  );
  return fc.oneof(
    { arbitrary: validValue(doc, resolved).map(String), weight: 5 },
    {
      arbitrary: fc
        .nat()
        .map((n) => new PoolRef([`field:${name}`, `field:next${name[0].toUpperCase()}${name.slice(1)}`], n)),
      weight: 2,
    },
    {
      arbitrary:
        resolved.type === 'number' || resolved.type === 'integer' || resolved.type === 'boolean'
          ? wrongNumbers
          : hostileString(),
      weight: 3,
    },
    { arbitrary: hostileString(), weight: 1 },
  );
}

function queryArbitrary(doc: OpenApiDocument, parameters: Schema[]): fc.Arbitrary<Array<[string, string | PoolRef]>> {
  const declared = parameters.map((p) =>
    fc
      // Twice is how `limit=1&limit=2` arrives: an array where a pipe expects one value.
      .oneof(
        {
          arbitrary: fc.array(queryValue(doc, p.name, p.schema ?? {}), { minLength: p.required ? 1 : 0, maxLength: 1 }),
          weight: 6,
        },
        { arbitrary: fc.array(queryValue(doc, p.name, p.schema ?? {}), { minLength: 2, maxLength: 2 }), weight: 1 },
      )
      .map((values) => values.map((value) => [p.name, value] as [string, string | PoolRef])),
  );
  const unknown = fc.array(
    fc.tuple(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'access_token', 'limit[]', 'a[b]')),
      hostileString(),
    ),
    { maxLength: 2 },
  );
  return fc
    .tuple(
      fc.tuple(...declared),
      fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: unknown, weight: 1 }),
    )
    .map(([lists, extra]) => [...lists.flat(), ...extra]);
}

/** Header values undici puts on the wire (printable ASCII and tab, not empty), odd ones included. */
const headerValue = (schema: Schema): fc.Arbitrary<string> =>
  fc.oneof(
    // Beyond ASCII undici refuses to send it at all; `?` keeps the value's length and shape.
    {
      arbitrary: validValue({ paths: {} }, schema).map(
        (value) => String(value).replace(/[^\t\x20-\x7e]/gu, '?') || '?',
      ),
      weight: 4,
    },
    {
      arbitrary: fc.string({
        unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 40,
      }),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        ' ',
        'x'.repeat(255),
        'x'.repeat(256),
        'x'.repeat(10_000),
        '%00',
        '*',
        'W/"x"',
        '"'.repeat(3),
        'key\tvalue',
      ),
      weight: 2,
    },
  );

const RAW_BODIES = [
  '',
  ' ',
  'null',
  '[]',
  '"text"',
  '0',
  'true',
  '{',
  '{"a":',
  'not json',
  '{"a":1,"a":2}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '\u0000',
  '['.repeat(10_000),
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  '{"x":1e999}',
  '\ufeff{}',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/problem+json',
  'multipart/form-data; boundary=x',
];

function bodyArbitrary(
  doc: OpenApiDocument,
  op: FuzzOperation,
): fc.Arbitrary<Pick<GeneratedRequest, 'body' | 'contentType'>> {
  const schema = op.operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const contentType = fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 8 },
    { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
  const raw = fc.constantFrom(...RAW_BODIES).map((text) => ({ raw: text }));
  if (!schema) {
    // A body-less action still meets frontends that send `{}` or an empty JSON body.
    return fc.oneof(
      { arbitrary: fc.constant({}), weight: 5 },
      {
        arbitrary: fc.record({
          body: fc.oneof(
            raw,
            fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json })),
          ),
          contentType,
        }),
        weight: 2,
      },
    );
  }
  const body = fc.oneof(
    { arbitrary: validValue(doc, schema).map((json) => ({ json })), weight: 5 },
    { arbitrary: mutatedValue(doc, schema).map((json) => ({ json })), weight: 5 },
    // Deep nesting as text: as an object it would overflow the fuzzer's own stack first.
    {
      arbitrary: fc
        .constantFrom(40, 1_000, 20_000)
        .map((depth) => ({ raw: `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}` })),
      weight: 1,
    },
    { arbitrary: raw, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
  return fc.record({ body, contentType });
}

/** Requests for one operation: valid ones and broken ones, in every part a client controls. */
export function requestArbitrary(
  doc: OpenApiDocument,
  op: FuzzOperation,
  credentialWeights: number[],
): fc.Arbitrary<GeneratedRequest> {
  const parameters = (op.operation.parameters ?? []) as Schema[];
  const pathParams = fc.record(
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, pathParam(doc, op.template, p.name, p.schema ?? {})]),
    ),
  );
  const query = queryArbitrary(
    doc,
    parameters.filter((p) => p.in === 'query'),
  );
  const declaredHeaders = parameters.filter((p) => p.in === 'header');
  // Idempotency-Key on every write, declared or not: a service that reads it must cap it.
  if (op.method !== 'GET' && !declaredHeaders.some((p) => p.name.toLowerCase() === 'idempotency-key'))
    declaredHeaders.push({ name: 'Idempotency-Key', schema: { type: 'string' } });
  const headers = fc.record(
    Object.fromEntries(declaredHeaders.map((p) => [p.name, headerValue(resolveSchema(doc, p.schema))])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const auth = fc.oneof(...credentialWeights.map((weight, index) => ({ arbitrary: fc.constant(index), weight })));
  return fc
    .record({ pathParams, query, headers, auth, payload: bodyArbitrary(doc, op) })
    .map(({ payload, ...rest }) => ({ operation: operationKey(op), ...rest, ...payload }));
}
