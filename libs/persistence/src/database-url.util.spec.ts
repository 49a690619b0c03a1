import { assertSchemaName, parseDatabaseUrl, redactUrl } from './database-url.util';

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    const redacted = redactUrl('postgres://keel:s3cr%40t@db.internal:5432/keel?sslmode=require');

    expect(redacted).toBe('postgres://keel:***@db.internal:5432/keel?sslmode=require');
    expect(redacted).not.toContain('s3cr');
  });

  it('leaves a URL without a password unchanged', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
  });

  it('still hides the password of a URL it cannot parse', () => {
    const redacted = redactUrl('postgres://keel:hunter2@[broken/keel');

    expect(redacted).not.toContain('hunter2');
    expect(redacted).toContain('keel:***@');
  });
});

describe('parseDatabaseUrl', () => {
  it('passes a URL without a schema param through untouched', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable';

    expect(parseDatabaseUrl(url)).toEqual({ connectionString: url });
  });

  it('turns ?schema= into a search_path startup option and strips it from the URL', () => {
    const parsed = parseDatabaseUrl('postgres://postgres@127.0.0.1:5432/test?schema=run_42&sslmode=disable');

    expect(parsed).toEqual({
      connectionString: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable',
      schema: 'run_42',
      options: '-c search_path=run_42',
    });
  });

  it('accepts ?search_path= and keeps options the URL already had', () => {
    const parsed = parseDatabaseUrl('postgres://h/test?search_path=svc&options=-c%20statement_timeout%3D5000');

    expect(parsed.schema).toBe('svc');
    expect(parsed.options).toBe('-c statement_timeout=5000 -c search_path=svc');
    expect(parsed.connectionString).toBe('postgres://h/test');
  });

  it('rejects schema names that search_path would fold or split', () => {
    expect(() => parseDatabaseUrl('postgres://h/test?schema=Run42')).toThrow(/Invalid Postgres schema name "Run42"/);
    expect(() => parseDatabaseUrl('postgres://h/test?schema=a,public')).toThrow(/Invalid Postgres schema name/);
  });

  it('reports an invalid URL without its password', () => {
    expect(() => parseDatabaseUrl('not a url with :hunter2@')).toThrow(/not a valid URL/);
    expect(() => parseDatabaseUrl('keel:hunter2@nowhere')).not.toThrow(/hunter2/);
  });
});

describe('assertSchemaName', () => {
  it('allows lower-case identifiers up to 63 characters', () => {
    expect(assertSchemaName('t_123_ab12cd34')).toBe('t_123_ab12cd34');
    expect(() => assertSchemaName('a'.repeat(64))).toThrow();
  });
});
