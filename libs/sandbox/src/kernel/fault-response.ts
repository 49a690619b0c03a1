import type { ServerResponse } from 'node:http';
import type { Fault } from './emulator.types';
import { JSON_CONTENT_TYPE, sendProblem } from './respond';

/** Cut short by `reset`: the headers promise the whole body, so the client sees a truncated answer. */
const RESET_BODY = '{"sandbox":"this response is cut short by the reset fault","padding":"';
const RESET_BODY_LENGTH = RESET_BODY.length + 64;
const MALFORMED_BODY = '{"owned": tru';

export function answerError(res: ServerResponse, fault: Fault): void {
  sendProblem(res, fault.status, 'Injected by the sandbox error fault', {
    headers: fault.retryAfterSeconds === null ? undefined : { 'retry-after': String(fault.retryAfterSeconds) },
  });
}

export function answerMalformed(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': MALFORMED_BODY.length });
  res.end(MALFORMED_BODY);
}

/** Starts a 200 answer, then destroys the socket once the partial body has been handed to the kernel. */
export function answerReset(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': RESET_BODY_LENGTH });
  res.write(RESET_BODY, () => res.socket?.destroy());
}
