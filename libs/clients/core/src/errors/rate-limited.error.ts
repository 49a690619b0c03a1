import { DownstreamError } from './downstream.error';

/** Our own limit on calls to the downstream is spent (the caller is not at fault, so 503). */
export class DownstreamRateLimitedError extends DownstreamError {
  readonly kind = 'rate_limited' as const;
  readonly httpStatus = 503;

  constructor(
    downstream: string,
    private readonly retryAfterMs: number | undefined,
  ) {
    super(downstream, `rate limit for ${downstream} reached`);
  }

  override get retryAfterSeconds(): number | undefined {
    return this.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(this.retryAfterMs / 1000));
  }
}
