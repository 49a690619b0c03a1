import type { IncomingHttpHeaders } from 'node:http';
import type { ActiveFaultMode, EmulatorStats } from './emulator.types';

/** Bounds `byPath` when a benchmark walks many ids; later paths are counted under one key. */
const MAX_DISTINCT_PATHS = 10_000;
export const OTHER_PATHS_KEY = '(other)';

function emptyFaulted(): Record<ActiveFaultMode, number> {
  return { error: 0, down: 0, slow: 0, reset: 0, malformed: 0 };
}

/** The counters behind `GET /_sandbox/stats`. */
export class StatsRecorder {
  private requests = 0;
  private byPath = new Map<string, number>();
  private openConnections = 0;
  private totalConnections = 0;
  private aborted = 0;
  private faulted = emptyFaulted();
  private lastHeaders: EmulatorStats['lastHeaders'] = {};

  readonly connectionClosed = (): void => {
    this.openConnections--;
  };

  connectionOpened(): void {
    this.openConnections++;
    this.totalConnections++;
  }

  recordRequest(path: string, headers: IncomingHttpHeaders): void {
    this.requests++;
    const seen = this.byPath.get(path);
    if (seen !== undefined) this.byPath.set(path, seen + 1);
    else if (this.byPath.size < MAX_DISTINCT_PATHS) this.byPath.set(path, 1);
    else this.byPath.set(OTHER_PATHS_KEY, (this.byPath.get(OTHER_PATHS_KEY) ?? 0) + 1);

    const requestId = headers['x-request-id'];
    const traceparent = headers['traceparent'];
    const last: EmulatorStats['lastHeaders'] = { authorization: headers.authorization !== undefined };
    if (typeof requestId === 'string') last['x-request-id'] = requestId;
    if (typeof traceparent === 'string') last.traceparent = traceparent;
    this.lastHeaders = last;
  }

  recordAborted(): void {
    this.aborted++;
  }

  recordFault(mode: ActiveFaultMode): void {
    this.faulted[mode]++;
  }

  snapshot(): EmulatorStats {
    return {
      requests: this.requests,
      byPath: Object.fromEntries(this.byPath),
      connections: { open: this.openConnections, total: this.totalConnections },
      aborted: this.aborted,
      faulted: { ...this.faulted },
      lastHeaders: { ...this.lastHeaders },
    };
  }

  /** Resets the counters; the open-connection gauge keeps tracking live sockets. */
  reset(): void {
    this.requests = 0;
    this.byPath = new Map();
    this.totalConnections = 0;
    this.aborted = 0;
    this.faulted = emptyFaulted();
    this.lastHeaders = {};
  }
}
