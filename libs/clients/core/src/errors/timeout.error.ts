import { DownstreamError } from './downstream.error';

export class DownstreamTimeoutError extends DownstreamError {
  readonly kind = 'timeout' as const;
  readonly httpStatus = 504;

  constructor(
    downstream: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(downstream, `${downstream} did not answer within ${timeoutMs} ms`, options);
  }
}
