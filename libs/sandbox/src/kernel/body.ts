import type { IncomingMessage } from 'node:http';

/** Why a request body was refused; `status` is the answer to give (400 or 413). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export function readBody(req: IncomingMessage, limitBytes: number = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        // Stop reading but let the caller answer; the socket is not reused for a half-read body.
        req.resume();
        reject(new BodyError(413, `Body exceeds ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export async function readJsonBody(req: IncomingMessage, limitBytes: number = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const raw = await readBody(req, limitBytes);
  if (raw.length === 0) throw new BodyError(400, 'Body is empty; expected JSON');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BodyError(400, 'Body is not valid JSON');
  }
}
