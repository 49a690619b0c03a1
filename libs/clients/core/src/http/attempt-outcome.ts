import { AttemptTimeoutError } from '@keel/resilience';
import type { AttemptVerdict } from '../balancing/instance-set';
import { RetryableStatusError } from './answers';

export type SignalLike = { aborted: boolean; reason?: unknown } | undefined;

/** How an attempt ended, for its span. */
export function spanOutcomeOf(error: unknown, signal: SignalLike): string {
  if (error instanceof RetryableStatusError) return error.status === 429 ? 'rate_limited' : 'server_error';
  if (error instanceof AttemptTimeoutError || (signal?.aborted && signal.reason instanceof AttemptTimeoutError))
    return 'timeout';
  if (signal?.aborted) return 'cancelled';
  return 'network_error';
}

/** Whether an attempt's end says something about the instance: 5xx and connect failures do, aborts do not. */
export function verdictOf(error: unknown, signal: SignalLike): AttemptVerdict {
  if (error instanceof RetryableStatusError) return error.status >= 500 ? 'failure' : 'neutral';
  if (error instanceof AttemptTimeoutError) return 'failure';
  if (signal?.aborted) return signal.reason instanceof AttemptTimeoutError ? 'failure' : 'neutral';
  return 'failure';
}
