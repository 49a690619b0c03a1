import { DownstreamError } from './downstream.error';

/** The downstream's circuit is open; one instance per client, so rejections allocate nothing. */
export class DownstreamCircuitOpenError extends DownstreamError {
  readonly kind = 'circuit_open' as const;
  readonly httpStatus = 503;

  constructor(
    downstream: string,
    private readonly remainingMs: () => number | undefined,
  ) {
    super(downstream, `${downstream} is unavailable (circuit open)`);
  }

  override get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.remainingMs() ?? 1000) / 1000));
  }
}
