import type { IncomingMessage } from 'node:http';
import type { Catalogue, CatalogueEntry } from './prowlarr.catalogue';
import type { ProwlarrState } from './prowlarr.state';

/** What every Prowlarr route handler shares. */
export interface ProwlarrContext {
  apiKey: string;
  catalogue: Catalogue;
  state: ProwlarrState;
}

/** Prowlarr builds its proxy links from the URL the caller used, so they work behind any host name. */
export function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return `http://${host}`;
}

/** Every release the indexers hold: the seeded catalogue, then what tests published on their feeds. */
export function allEntries({ catalogue, state }: ProwlarrContext): readonly CatalogueEntry[] {
  const published = state.publishedReleases();
  return published.length === 0 ? catalogue.entries : [...catalogue.entries, ...published];
}

export function entryByLink({ catalogue, state }: ProwlarrContext, link: string): CatalogueEntry | undefined {
  return catalogue.byLink.get(link) ?? state.publishedReleases().find((entry) => entry.link === link);
}
