/** A download link turned into a call on the configured Prowlarr: path (under its base) and query, key removed. */
export interface ProxyRequest {
  path: string;
  query: Record<string, string>;
}

/**
 * Maps an absolute Prowlarr proxy link to a request on the configured instance, or `undefined` when
 * the link points elsewhere. The `apikey` parameter is dropped: the key travels only as a header,
 * so it never lands in an access log or a metrics label.
 */
export function proxyRequest(link: string, configuredUrls: readonly string[]): ProxyRequest | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const base = configuredUrls
    .map((configured) => new URL(configured))
    .find((candidate) => candidate.origin === url.origin);
  if (base === undefined) return undefined;
  // axios joins baseURL and path, so a base path such as `/prowlarr` must not appear twice.
  const basePath = base.pathname.replace(/\/+$/, '');
  const path =
    basePath !== '' && url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key.toLowerCase() !== 'apikey') query[key] = value;
  return { path, query };
}
