import { DownstreamError } from './downstream.error';

/** RFC 9457 body a downstream answered with, as far as it sent one. */
export interface DownstreamProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  [key: string]: unknown;
}

/**
 * The downstream refused the request (a 4xx other than 429). The client that called it decides what
 * it means (a 404 may be "unknown game"); one that reaches the filter unmapped is a 502.
 */
export class DownstreamRejectedError extends DownstreamError {
  readonly kind = 'rejected' as const;
  readonly httpStatus = 502;

  constructor(
    downstream: string,
    readonly status: number,
    readonly problem: DownstreamProblem | undefined,
  ) {
    super(
      downstream,
      `${downstream} rejected the request with ${status}${problem?.detail ? `: ${problem.detail}` : ''}`,
    );
  }
}
