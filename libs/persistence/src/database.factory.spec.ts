import { resolveDriver } from './database.factory';

describe('resolveDriver', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('uses PGlite when no URL is known', () => {
    delete process.env.DATABASE_URL;

    expect(resolveDriver({})).toEqual({ driver: 'pglite', url: undefined });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    process.env.DATABASE_URL = '';

    expect(resolveDriver({}).driver).toBe('pglite');
  });

  it('uses Postgres from DATABASE_URL, and an explicit url over it', () => {
    process.env.DATABASE_URL = 'postgres://env/db';

    expect(resolveDriver({})).toEqual({ driver: 'postgres', url: 'postgres://env/db' });
    expect(resolveDriver({ url: 'postgres://explicit/db' }).url).toBe('postgres://explicit/db');
  });

  it('lets driver force PGlite while DATABASE_URL is set', () => {
    process.env.DATABASE_URL = 'postgres://env/db';

    expect(resolveDriver({ driver: 'pglite' }).driver).toBe('pglite');
  });

  it('refuses driver postgres without a URL', () => {
    delete process.env.DATABASE_URL;

    expect(() => resolveDriver({ driver: 'postgres' })).toThrow(/needs `url` or DATABASE_URL/);
  });
});
