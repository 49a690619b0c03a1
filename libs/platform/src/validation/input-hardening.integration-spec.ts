import { call } from '../test-fixtures/http-call';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

const PROBLEM = 'application/problem+json; charset=utf-8';
const NUL = '\u0000';

/** Bad input of every shape gets 400 problem+json naming the field, from the shared layer: never a 5xx. */
describe('input hardening over HTTP', () => {
  let service: TestService;
  let token: string;

  beforeAll(async () => {
    service = await startTestService(TestAppModule);
    token = await signTestToken({ sub: 'u1' });
  });
  afterAll(() => service.close());

  const send = (
    method: string,
    path: string,
    init: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ) => call(service.url, path, { method, token, ...init });
  const record = (overrides: Record<string, unknown>) =>
    send('POST', '/api/v1/input/records', { json: { name: 'tent', count: 2, ...overrides } });

  function expectValidationProblem(res: Awaited<ReturnType<typeof send>>, errors: string[]): void {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe(PROBLEM);
    expect(res.body).toMatchObject({ type: 'urn:keel:problem:validation', title: 'Bad Request', status: 400 });
    expect(res.body.errors).toEqual(expect.arrayContaining(errors));
  }

  describe('NUL characters and unpaired surrogates (Postgres text holds neither)', () => {
    it.each([
      ['a top-level string', { name: `te${NUL}nt` }, 'name'],
      ['an array element', { tags: ['ok', `b${NUL}d`] }, 'tags.1'],
      ['a nested object', { note: { text: `x${NUL}` } }, 'note.text'],
    ])('answers 400 naming the field for a NUL in %s', async (_where, overrides, field) => {
      const res = await record(overrides);

      expectValidationProblem(res, [`${field} must not contain NUL characters`]);
    });

    it('answers 400 naming the field for an unpaired surrogate (a JSON \\ud800 escape)', async () => {
      const res = await send('POST', '/api/v1/input/records', {
        body: '{"name":"te\\ud800nt","count":1}',
        headers: { 'content-type': 'application/json' },
      });

      expectValidationProblem(res, ['name must be valid Unicode (it contains an unpaired surrogate)']);
    });

    it('keeps a correctly paired surrogate (an emoji) and other text as it is', async () => {
      const res = await record({ name: 'tent 🏕️ ü', tags: ['a'] });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ name: 'tent 🏕️ ü', count: 2, tags: ['a'] });
    });

    it('answers 400 naming the path parameter for DELETE …/members/%00', async () => {
      const res = await send('DELETE', '/api/v1/input/members/%00');

      expectValidationProblem(res, ['userId must not contain NUL characters']);
    });

    it('answers 400 for an unpaired surrogate in a path parameter (%ED%A0%80 decodes to one)', async () => {
      const res = await send('POST', `/api/v1/input/records/${encodeURIComponent('a')}%ED%A0%80/archive`);

      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
    });

    it('answers a path parameter longer than the router takes with problem+json too', async () => {
      const res = await send('DELETE', `/api/v1/input/members/${'u'.repeat(300)}`);

      expect(res.status).toBe(414);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(res.body).toMatchObject({
        status: 414,
        title: 'URI Too Long',
        instance: `/api/v1/input/members/${'u'.repeat(300)}`,
      });
    });

    it('takes a path parameter of 128 characters (user ids may be that long)', async () => {
      const res = await send('DELETE', `/api/v1/input/members/${'u'.repeat(128)}`);

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ removed: 'u'.repeat(128) });
    });

    it('answers 400 naming the query parameter for a NUL in a query string', async () => {
      const res = await send('GET', '/api/v1/input/pages?cursor=ab%00c');

      expectValidationProblem(res, ['cursor must not contain NUL characters']);
    });

    it('answers 400 for a body nested too deeply to walk, instead of overflowing the stack', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);

      const res = await send('POST', '/api/v1/input/records', {
        body: `{"name":"x","count":1,"tags":${deep}}`,
        headers: { 'content-type': 'application/json' },
      });

      expectValidationProblem(res, ['the request is nested more than 32 levels deep']);
    });
  });

  describe('integers', () => {
    it.each(['0x10', '1e1', ' 16', '16 ', '+16', '16.0', '0b1', 'Infinity', ''])(
      'answers 400 to the non-decimal limit=%j',
      async (limit) => {
        const res = await send('GET', `/api/v1/input/pages?limit=${encodeURIComponent(limit)}`);

        expectValidationProblem(res, ['limit must be a decimal integer']);
      },
    );

    it('takes a decimal limit as a number', async () => {
      const res = await send('GET', '/api/v1/input/pages?limit=16');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ limit: 16 });
    });

    it('checks a number of an app DTO the same way (any @Type(() => Number) field)', async () => {
      expectValidationProblem(await send('GET', '/api/v1/input/count?n=0x10'), ['n must be a decimal integer']);
      expect((await send('GET', '/api/v1/input/count?n=007')).body).toEqual({ n: 7 });
    });

    it('checks a single named number parameter (@Query("n") n: number) the same way', async () => {
      expectValidationProblem(await send('GET', '/api/v1/input/number?n=0x10'), ['n must be a decimal integer']);
      expect((await send('GET', '/api/v1/input/number?n=16')).body).toEqual({ n: 16 });
    });

    it.each([2_147_483_648, -2_147_483_649, 1e20])(
      'answers 400 naming the field for %d in an int4 field (@IsInt32)',
      async (count) => {
        const res = await record({ count });

        expectValidationProblem(res, ['count must be an integer from -2147483648 to 2147483647']);
      },
    );

    it('accepts the largest int4', async () => {
      const res = await record({ count: 2_147_483_647 });

      expect(res.status).toBe(201);
      expect(res.body.count).toBe(2_147_483_647);
    });
  });

  describe('Idempotency-Key', () => {
    const withKey = (key: string) => send('POST', '/api/v1/input/idempotent', { headers: { 'idempotency-key': key } });

    it('passes a key of 255 printable ASCII characters through unchanged', async () => {
      const key = 'k'.repeat(254) + '~';

      const res = await withKey(key);

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ key });
    });

    it.each([
      ['256 characters', 'k'.repeat(256)],
      ['10 000 characters', 'k'.repeat(10_000)],
      ['a non-ASCII character', 'clé-1'],
      ['a control character', 'a\tb'],
    ])('answers 400 problem+json to a key of %s', async (_name, key) => {
      const res = await send('POST', '/api/v1/input/idempotent', { headers: { 'idempotency-key': key } }).catch(
        () => undefined,
      );

      // fetch refuses to send some header values; those never reach a server, so there is nothing to assert.
      if (res === undefined) return;
      expectValidationProblem(res, ['Idempotency-Key must be 1 to 255 printable ASCII characters']);
    });

    it('treats a missing key as none', async () => {
      const res = await send('POST', '/api/v1/input/idempotent');

      expect(res.status).toBe(201);
      expect(res.body).toEqual({ key: null });
    });
  });

  describe('an empty body with Content-Type: application/json', () => {
    const empty = { body: '', headers: { 'content-type': 'application/json' } };

    it('is accepted by a body-less action, as frontends that always send the header expect', async () => {
      const res = await send('POST', '/api/v1/input/records/r1/archive', empty);

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ archived: 'r1' });
    });

    it('is accepted by a DELETE', async () => {
      const res = await send('DELETE', '/api/v1/input/members/u2', empty);

      expect(res.status).toBe(200);
    });

    it('is still a 400 naming the fields on a route that needs a body', async () => {
      const res = await send('POST', '/api/v1/input/records', empty);

      expectValidationProblem(res, [
        expect.stringMatching(/^name /),
        expect.stringMatching(/^count /),
      ] as unknown as string[]);
    });

    it('still answers 400 to malformed JSON, and refuses prototype poisoning', async () => {
      const malformed = await send('POST', '/api/v1/input/records', {
        body: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });
      const poisoned = await send('POST', '/api/v1/input/records', {
        body: '{"name":"x","count":1,"__proto__":{"admin":true}}',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });

      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toBe(PROBLEM);
      expect(poisoned.status).toBe(400);
    });
  });
});
