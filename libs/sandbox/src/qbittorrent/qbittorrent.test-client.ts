/** A spec-only qBittorrent caller on plain fetch that carries the session cookie by hand, as a client must. */
export class QbtTestClient {
  cookie = '';

  constructor(readonly baseUrl: string) {}

  async login(username = 'admin', password = 'adminadmin'): Promise<Response> {
    const res = await this.post('/api/v2/auth/login', { username, password });
    const setCookie = res.headers.get('set-cookie');
    // Cookie-name agnostic: 4.x says SID, 5.2 says QBT_SID_<port>.
    if (setCookie !== null) this.cookie = setCookie.split(';')[0];
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: { ...this.session(), ...headers } });
  }

  post(
    path: string,
    form: Record<string, string> | FormData = {},
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = form instanceof FormData ? form : new URLSearchParams(form);
    return fetch(`${this.baseUrl}${path}`, { method: 'POST', body, headers: { ...this.session(), ...headers } });
  }

  async info(query = ''): Promise<Record<string, unknown>[]> {
    const res = await this.get(`/api/v2/torrents/info${query}`);
    if (res.status !== 200) throw new Error(`torrents/info answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>[];
  }

  async one(hash: string): Promise<Record<string, unknown>> {
    const [torrent] = await this.info(`?hashes=${hash}`);
    if (torrent === undefined) throw new Error(`no torrent ${hash}`);
    return torrent;
  }

  private session(): Record<string, string> {
    return this.cookie === '' ? {} : { cookie: this.cookie };
  }
}

export const MAGNET_HASH = '0123456789abcdef0123456789abcdef01234567';
export const MAGNET =
  `magnet:?xt=urn:btih:${MAGNET_HASH.toUpperCase()}&dn=Some.Movie.2019.1080p.BluRay.x264` +
  '&tr=http%3A%2F%2Ftracker.invalid%2Fannounce';

/** Polls without asserting any timing; fails only if the condition never holds. */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
