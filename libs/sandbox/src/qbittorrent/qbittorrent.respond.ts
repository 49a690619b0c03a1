import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendJson } from '../kernel/respond';

/** qBittorrent answers errors and most actions in plain text, not problem+json. */
export function sendText(res: ServerResponse, status: number, text: string, headers?: OutgoingHttpHeaders): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendQbtJson(res: ServerResponse, body: unknown, status = 200): void {
  sendJson(res, status, body);
}
