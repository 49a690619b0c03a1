import { DownstreamError } from './downstream.error';

/** The downstream answered with a body that breaks its contract (not JSON, or the wrong shape). */
export class DownstreamContractError extends DownstreamError {
  readonly kind = 'contract' as const;
  readonly httpStatus = 502;

  constructor(
    downstream: string,
    readonly violations: string[],
    options?: { cause?: unknown },
  ) {
    super(downstream, `${downstream} answered outside its contract: ${violations.join('; ')}`, options);
  }
}
