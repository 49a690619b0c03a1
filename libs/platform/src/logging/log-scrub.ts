/**
 * What must never reach a log line, wherever it appears: credentials in URLs (`?access_token=`,
 * `apikey=`, `sig=`, `user:password@`), and user content in database errors (drizzle's "params:",
 * the values Postgres quotes in `detail` and in "invalid input syntax" messages). The statement and
 * the error stay: they are what an operator needs.
 */
const REDACTED = '[redacted]';

/** Query parameter names that carry a credential (matched case-insensitively, `-` or `_` alike). */
const SECRET_PARAM =
  '(?:[\\w-]*token|api[_-]?key|apikey|key|password|passwd|pwd|secret|client[_-]?secret|' +
  'signature|sig|auth|authorization|jwt|session|credentials?)';
const SECRET_KEY = new RegExp(`^${SECRET_PARAM}$`, 'i');
const URL_PARAM = new RegExp(`([?&;]${SECRET_PARAM}=)[^&#\\s"'<>]*`, 'gi');
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]*:)[^\s/@"'<>]+@/gi;
/** drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>" (in message and stack). */
const SQL_PARAMS = /(\nparams: )[^\n]*/g;
/** Postgres: `Key (email)=(someone@example.com) already exists.` */
const PG_KEY_VALUES = /(\([^()]*\)=\()[^\n]*?(\)(?: already exists| is not present| is duplicated|\.|,|$))/g;
/** Postgres: `invalid input syntax for type uuid: "abc"`, `invalid input value for enum x: "y"`. */
const PG_QUOTED_INPUT = /(invalid input (?:syntax|value) for [^:\n]+: )"[^\n]*"/g;

export function scrubText(text: string): string {
  return text
    .replace(URL_PARAM, `$1${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(SQL_PARAMS, `$1${REDACTED}`)
    .replace(PG_KEY_VALUES, `$1${REDACTED}$2`)
    .replace(PG_QUOTED_INPUT, `$1"${REDACTED}"`);
}

/** A parsed query string with every credential-named parameter's value redacted. */
export function scrubQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).map(([key, value]) => [
      key,
      SECRET_KEY.test(key) ? REDACTED : value,
    ]),
  );
}

/** pino-http's serialized request (`{ id, method, url, query, params, headers, … }`), scrubbed. */
export function scrubRequest<T extends { url?: unknown; query?: unknown }>(req: T): T {
  if (!req || typeof req !== 'object') return req;
  const scrubbed = { ...req, query: scrubQuery(req.query) };
  if (typeof req.url === 'string') scrubbed.url = scrubText(req.url);
  // pino-std-serializers keeps the raw request as a non-enumerable `raw`; keep it so.
  const raw = (req as { raw?: unknown }).raw;
  if (raw !== undefined) Object.defineProperty(scrubbed, 'raw', { enumerable: false, value: raw });
  return scrubbed;
}

/** A serialized error (and its causes): values redacted from every string; drizzle's `params` dropped. */
export function scrubError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object' || depth > 5) return err;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) {
    if (key === 'params' && Array.isArray(value)) out[key] = `[${value.length} redacted]`;
    else if (typeof value === 'string') out[key] = scrubText(value);
    else if (key === 'cause' || key === 'errors' || (value && typeof value === 'object' && 'message' in value))
      out[key] = Array.isArray(value) ? value.map((item) => scrubError(item, depth + 1)) : scrubError(value, depth + 1);
    else out[key] = value;
  }
  return out;
}

/** A log call's merging object: its top-level strings scrubbed (not nested objects, e.g. a raw request). */
export function scrubFields(fields: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') continue;
    const scrubbed = scrubText(value);
    if (scrubbed !== value) (out ??= { ...fields })[key] = scrubbed;
  }
  return out ?? fields;
}
