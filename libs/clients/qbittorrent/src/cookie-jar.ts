/**
 * The session's cookies. qBittorrent ≤ 5.1 calls its cookie `SID` and 5.2 `QBT_SID_<port>`, so the
 * jar keeps every cookie by whatever name it has (as Radarr does) and never looks for one by name.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the `Set-Cookie` header(s) of an answer; an expired or emptied cookie is dropped. */
  absorb(setCookie: string | string[] | undefined): void {
    for (const line of typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])) {
      const parsed = parseSetCookie(line);
      if (!parsed) continue;
      if (parsed.expired) this.cookies.delete(parsed.name);
      else this.cookies.set(parsed.name, parsed.value);
    }
  }

  /** The `Cookie` header value, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get size(): number {
    return this.cookies.size;
  }

  clear(): void {
    this.cookies.clear();
  }
}

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** `Max-Age<=0`, an `Expires` in the past, or an empty value: the server is deleting it (logout). */
  expired: boolean;
}

export function parseSetCookie(line: string, now = Date.now()): ParsedSetCookie | undefined {
  const [pair, ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let expired = value === '';
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=');
    const attrValue = rest.join('=').trim();
    const lower = key.trim().toLowerCase();
    if (lower === 'max-age' && Number(attrValue) <= 0) expired = true;
    if (lower === 'expires' && Date.parse(attrValue) <= now) expired = true;
  }
  return { name, value, expired };
}
