import type { DatabaseConnection } from '../database.types';
import { DATABASE_CONNECTION } from '../persistence.constants';

/** The slice of `@nestjs/testing`'s TestingModuleBuilder this needs, so the lib does not depend on it. */
export interface OverridableModuleBuilder<TBuilder> {
  overrideProvider(token: string): { useValue(value: unknown): TBuilder };
}

/**
 * Points an app's `PersistenceModule` at a test database instead of opening its own:
 * `overrideDatabase(Test.createTestingModule({ imports: [AppModule] }), testDb).compile()`.
 * The app's shutdown then closes `testDb` (close is idempotent, so the test may close it too).
 */
export function overrideDatabase<TBuilder extends OverridableModuleBuilder<TBuilder>>(
  builder: TBuilder,
  testDatabase: DatabaseConnection,
): TBuilder {
  return builder.overrideProvider(DATABASE_CONNECTION).useValue(testDatabase);
}
