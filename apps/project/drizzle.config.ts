import { defineConfig } from 'drizzle-kit';

// Paths resolve from the repo root, where tools/db/generate.js runs drizzle-kit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/project/src/app/db/schema.ts',
  out: './apps/project/migrations',
});
