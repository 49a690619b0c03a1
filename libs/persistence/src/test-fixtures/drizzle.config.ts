import { defineConfig } from 'drizzle-kit';

// drizzle-kit resolves these paths from the working directory, which tools/db/generate.js sets to the repo root.
export default defineConfig({
  dialect: 'postgresql',
  schema: './libs/persistence/src/test-fixtures/fixture.schema.ts',
  out: './libs/persistence/src/test-fixtures/migrations',
});
