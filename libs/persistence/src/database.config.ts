/** DATABASE_URL; an empty one (a blank line in .env) means "not set", not "connect to localhost". */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.DATABASE_URL || undefined;
}
