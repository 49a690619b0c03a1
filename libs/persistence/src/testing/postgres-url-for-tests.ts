/**
 * The machine's Postgres (`DATABASE_URL`) for suites that need a real one, or undefined on a laptop
 * without it: the suite then skips with a one-line notice (PGlite covers the same code locally). CI
 * sets `DATABASE_URL` (`.ci/run`), and there (`CI=true`) its absence fails the suite.
 */
export function postgresUrlForTests(suite: string): string | undefined {
  const url = process.env['DATABASE_URL']?.trim();
  if (url) return url;
  if (process.env['CI'] === 'true') throw new Error(`${suite} needs Postgres: CI must set DATABASE_URL`);
  process.stderr.write(
    `[${suite}] skipped: DATABASE_URL is not set ` +
      `(CI sets it; locally: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test)\n`,
  );
  return undefined;
}
