// Lower-case only: Postgres folds an unquoted search_path entry to lower case, while CREATE SCHEMA
// quotes it, so a mixed-case name would create one schema and search another.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface ParsedDatabaseUrl {
  /** The URL pg receives, without the params handled here. */
  connectionString: string;
  /** From `?schema=` or `?search_path=`; undefined means the server default (`public`). */
  schema?: string;
  /** Startup `options` for pg, carrying any `options` the URL had plus the search_path. */
  options?: string;
}

/** Hides the password so the URL can be logged or put in an error. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Unparseable: strip anything between "//user:" and "@" rather than risk echoing a secret.
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid Postgres schema name "${schema}": use lower-case letters, digits and _ (max 63)`);
  }
  return schema;
}

export function parseDatabaseUrl(url: string): ParsedDatabaseUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL: ${redactUrl(url)}`);
  }
  const schema = parsed.searchParams.get('schema') ?? parsed.searchParams.get('search_path') ?? undefined;
  if (schema === undefined) return { connectionString: url };

  // pg lets a connection string's params override the pool config, so a URL `options` would
  // silently drop our search_path; fold it into one value instead.
  const urlOptions = parsed.searchParams.get('options');
  for (const param of ['schema', 'search_path', 'options']) parsed.searchParams.delete(param);
  const searchPath = `-c search_path=${assertSchemaName(schema)}`;
  return {
    connectionString: parsed.toString(),
    schema,
    options: urlOptions ? `${urlOptions} ${searchPath}` : searchPath,
  };
}
