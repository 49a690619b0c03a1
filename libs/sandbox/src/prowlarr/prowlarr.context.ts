import type { IncomingMessage } from 'node:http';
import type { Catalogue } from './prowlarr.catalogue';
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
