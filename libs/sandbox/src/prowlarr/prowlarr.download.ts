import type { ServerResponse } from 'node:http';
import type { RequestContext, Route } from '../kernel/emulator.types';
import { requireApiKey } from './prowlarr.auth';
import { entryByLink, type ProwlarrContext } from './prowlarr.context';
import { magnetUri } from './prowlarr.torrent';

/** The download proxy (`NewznabController` "download") and its `/api/v1/indexer` alias. */
export function downloadRoutes(ctx: ProwlarrContext): Route[] {
  const handler = requireApiKey(ctx.apiKey, (request) => download(request, ctx));
  return [
    { method: 'GET', path: '/:indexerId/download', handler },
    { method: 'GET', path: '/api/v1/indexer/:indexerId/download', handler },
  ];
}

function download(request: RequestContext, ctx: ProwlarrContext): void {
  const { catalogue, state } = ctx;
  const indexerId = Number(request.params.indexerId);
  if (!catalogue.indexers.has(indexerId)) return sendXmlError(request.res, 404, 'Indexer not found');
  const entry = entryByLink(ctx, request.query.get('link') ?? '');
  if (entry === undefined || entry.indexer.id !== indexerId)
    return sendXmlError(request.res, 410, 'Link is no longer valid');
  const counters = state.countersOf(indexerId);
  if (state.behaviour(indexerId).failing) {
    counters.failedGrabs++;
    return sendXmlError(request.res, 500, `Download failed: ${entry.indexer.name} is unavailable`);
  }
  counters.grabs++;
  if (entry.torrent === undefined) {
    request.res.writeHead(301, { location: magnetUri(entry.infoHash, entry.seed.title), 'content-length': 0 });
    return void request.res.end();
  }
  request.res.writeHead(200, {
    'content-type': 'application/x-bittorrent',
    'content-length': entry.torrent.length,
    'content-disposition': `attachment; filename="${encodeURIComponent(entry.seed.title)}.torrent"`,
  });
  request.res.end(entry.torrent);
}

/** Prowlarr's Newznab-side errors are XML, not JSON. */
function sendXmlError(res: ServerResponse, status: number, description: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<error code="${status}" description="${description}" />`;
  res.writeHead(status, {
    'content-type': 'application/xml; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
