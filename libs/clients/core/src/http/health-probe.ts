import type { InstanceSet } from '../balancing/instance-set';
import type { UndiciAdapter } from './undici-adapter';

/**
 * Asks the downstream's health path directly, outside the pipeline: a probe must neither trip the
 * breaker nor be refused by it, or the health view would only echo the breaker.
 */
export async function probeHealth(
  transport: UndiciAdapter,
  instances: InstanceSet,
  healthPath: string | undefined,
  timeoutMs: number,
): Promise<{ ok: boolean; status?: number; error?: string }> {
  try {
    const response = await transport.send(instances.pick().url, {
      method: 'GET',
      url: healthPath ?? '/health',
      headers: {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: response.status < 400, status: response.status };
  } catch (error) {
    return { ok: false, error: (error as { code?: string }).code ?? (error as Error).name };
  }
}
