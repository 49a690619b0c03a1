import type { DatabaseConnection } from '../database.types';
import { DATABASE_CONNECTION } from '../persistence.constants';
import { overrideDatabase } from './override-database';

// Shaped like @nestjs/testing's TestingModuleBuilder (not installed here): overrideProvider(token).useValue(v).
class FakeBuilder {
  readonly overrides = new Map<unknown, unknown>();
  overrideProvider(token: unknown) {
    return { useValue: (value: unknown) => (this.overrides.set(token, value), this) };
  }
}

describe('overrideDatabase', () => {
  it('replaces the connection provider, from which the module derives DATABASE', () => {
    const builder = new FakeBuilder();
    const testDatabase = { driver: 'pglite' } as DatabaseConnection;

    const returned = overrideDatabase(builder, testDatabase);

    expect(returned).toBe(builder);
    expect([...builder.overrides]).toEqual([[DATABASE_CONNECTION, testDatabase]]);
  });
});
