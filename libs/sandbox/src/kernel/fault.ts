import type { Fault, FaultMode, FaultSpec } from './emulator.types';

export const FAULT_MODES: readonly FaultMode[] = ['ok', 'error', 'down', 'slow', 'reset', 'malformed'];

export const NO_FAULT: Readonly<Fault> = Object.freeze({
  mode: 'ok',
  status: 503,
  rate: 1,
  latencyMs: 0,
  retryAfterSeconds: null,
  path: null,
});

/** Ten minutes: longer than any client timeout worth testing, short enough not to wedge a run. */
const MAX_LATENCY_MS = 600_000;
const KNOWN_FIELDS = new Set(Object.keys(NO_FAULT));

export type FaultParseResult = { ok: true; fault: Fault } | { ok: false; error: string };

/** Validates a fault body strictly (unknown fields are refused, so a typo cannot silently do nothing). */
export function parseFault(input: unknown): FaultParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'Fault must be a JSON object' };
  }
  const spec = input as Record<string, unknown>;
  const unknown = Object.keys(spec).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) return { ok: false, error: `Unknown fault field(s): ${unknown.join(', ')}` };

  const { mode, status = NO_FAULT.status, rate = NO_FAULT.rate, latencyMs = NO_FAULT.latencyMs } = spec;
  const retryAfterSeconds = spec['retryAfterSeconds'] ?? null;
  const path = spec['path'] ?? null;

  if (typeof mode !== 'string' || !FAULT_MODES.includes(mode as FaultMode)) {
    return { ok: false, error: `mode must be one of ${FAULT_MODES.join(', ')}` };
  }
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
    return { ok: false, error: 'status must be an integer from 400 to 599' };
  }
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    return { ok: false, error: 'rate must be a number from 0 to 1' };
  }
  if (!Number.isInteger(latencyMs) || (latencyMs as number) < 0 || (latencyMs as number) > MAX_LATENCY_MS) {
    return { ok: false, error: `latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}` };
  }
  if (retryAfterSeconds !== null && (!Number.isInteger(retryAfterSeconds) || (retryAfterSeconds as number) < 0)) {
    return { ok: false, error: 'retryAfterSeconds must be null or a non-negative integer' };
  }
  if (path !== null && (typeof path !== 'string' || !path.startsWith('/'))) {
    return { ok: false, error: "path must be null or a string starting with '/'" };
  }
  return {
    ok: true,
    fault: {
      mode: mode as FaultMode,
      status: status as number,
      rate,
      latencyMs: latencyMs as number,
      retryAfterSeconds: retryAfterSeconds as number | null,
      path: path as string | null,
    },
  };
}

/** Holds the active fault of one emulator and decides, per request, whether it applies. */
export class FaultSwitch {
  private active: Fault | null = null;

  get current(): Fault {
    return this.active ?? NO_FAULT;
  }

  /** Throws on an invalid spec; `null` or mode `ok` clears the fault. */
  set(spec: FaultSpec | null): Fault {
    if (spec === null) return this.clear();
    const parsed = parseFault(spec);
    if (!parsed.ok) throw new Error(`Invalid fault: ${parsed.error}`);
    return this.apply(parsed.fault);
  }

  apply(fault: Fault): Fault {
    this.active = fault.mode === 'ok' ? null : Object.freeze({ ...fault });
    return this.current;
  }

  clear(): Fault {
    this.active = null;
    return NO_FAULT;
  }

  /** The fault to act on for this request, or null. Rolls `rate` with Math.random. */
  pick(path: string): Fault | null {
    const fault = this.active;
    if (fault === null) return null;
    if (fault.path !== null && !path.startsWith(fault.path)) return null;
    if (fault.rate < 1 && Math.random() >= fault.rate) return null;
    return fault;
  }
}
