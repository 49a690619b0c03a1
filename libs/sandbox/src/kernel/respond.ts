import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemOptions {
  /** Default `about:blank`, whose title is the status phrase (RFC 9457 §4.2.1). */
  type?: string;
  title?: string;
  headers?: OutgoingHttpHeaders;
}

/** Sends an already serialised JSON body; pre-serialise hot responses once and pass them here. */
export function sendRawJson(
  res: ServerResponse,
  status: number,
  json: string | Buffer,
  headers?: OutgoingHttpHeaders,
  contentType: string = JSON_CONTENT_TYPE,
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: OutgoingHttpHeaders): void {
  sendRawJson(res, status, JSON.stringify(body), headers);
}

/** RFC 9457 problem+json: `{ type, title, status, detail }`. */
export function sendProblem(res: ServerResponse, status: number, detail: string, options: ProblemOptions = {}): void {
  const body = JSON.stringify({
    type: options.type ?? 'about:blank',
    title: options.title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
  });
  sendRawJson(res, status, body, options.headers, PROBLEM_CONTENT_TYPE);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}
