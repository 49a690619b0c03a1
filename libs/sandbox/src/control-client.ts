import type { EmulatorStats, FaultSpec } from './kernel/emulator.types';

/** A typed client of one emulator's HTTP control API (`/_sandbox/faults`, `/_sandbox/stats`). */
export interface SandboxControl {
  /** `PUT /_sandbox/faults`: replaces the active fault. */
  inject(fault: FaultSpec): Promise<void>;
  /** `DELETE /_sandbox/faults`: every request is answered normally again. */
  heal(): Promise<void>;
  /** `GET /_sandbox/stats`. */
  stats<T = EmulatorStats>(): Promise<T>;
  /** `DELETE /_sandbox/stats`: zeroes the counters. */
  resetStats(): Promise<void>;
}

/**
 * Drives the control API of the emulator at `baseUrl` over global fetch, as an out-of-process test
 * would. Every call rejects with an Error naming the status when the answer is not 2xx.
 */
export function sandboxControl(baseUrl: string): SandboxControl {
  const call = async (method: 'GET' | 'PUT' | 'DELETE', path: string, body?: FaultSpec): Promise<Response> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status < 200 || response.status >= 300) {
      const detail = await response.text().catch(() => '');
      throw new Error(`${method} ${path} answered ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    return response;
  };
  const drain = async (response: Response) => void (await response.arrayBuffer());
  return {
    inject: async (fault) => drain(await call('PUT', '/_sandbox/faults', fault)),
    heal: async () => drain(await call('DELETE', '/_sandbox/faults')),
    stats: async <T = EmulatorStats>() => (await (await call('GET', '/_sandbox/stats')).json()) as T,
    resetStats: async () => drain(await call('DELETE', '/_sandbox/stats')),
  };
}
