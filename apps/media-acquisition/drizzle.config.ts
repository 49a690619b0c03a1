import { defineConfig } from 'drizzle-kit';

// Paths resolve from the repo root, where tools/db/generate.js runs drizzle-kit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/media-acquisition/src/app/db/schema.ts',
  out: './apps/media-acquisition/migrations',
});
