import { DownstreamError } from './downstream.error';

/** The downstream could not be reached, answered 5xx/429 after our retries, or is overloaded. */
export class DownstreamUnavailableError extends DownstreamError {
  readonly kind = 'unavailable' as const;
  readonly httpStatus = 503;

  constructor(
    downstream: string,
    message: string,
    readonly status?: number,
    private readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(downstream, message, options);
  }

  override get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.retryAfterMs ?? 1000) / 1000));
  }
}
