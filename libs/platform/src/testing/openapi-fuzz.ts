import fc from 'fast-check';
import { Pool } from 'undici';
import { listOperations, operationKey, requestArbitrary } from './openapi-fuzz/fuzz-request';
import type { FuzzOperation } from './openapi-fuzz/fuzz-request';
import { ValuePool, describeFailure, send, toWire } from './openapi-fuzz/fuzz-send';
import type { FuzzCredential, WireAnswer, WireRequest } from './openapi-fuzz/fuzz-send';
import type { OpenApiDocument } from './openapi-fuzz/fuzz-values';

export type { FuzzCredential, WireAnswer, WireRequest } from './openapi-fuzz/fuzz-send';
export type { OpenApiDocument } from './openapi-fuzz/fuzz-values';

export interface OpenApiFuzzOptions {
  /** The service under test, e.g. http://127.0.0.1:40123. */
  baseUrl: string;
  /** Its OpenAPI 3 document; fetched from `<baseUrl>/docs-json` when omitted. */
  document?: OpenApiDocument;
  /** Tokens to draw from, weighted: privileged ones reach the deep paths, bad ones the auth layer. */
  credentials: FuzzCredential[];
  /** Requests to send at least. Default FUZZ_RUNS, else 2000. */
  requests?: number;
  /** Default FUZZ_SEED, else random (printed on failure, to replay with). */
  seed?: number;
  /** Requests in flight at once. Default FUZZ_CONCURRENCY, else 8. */
  concurrency?: number;
  /** Values known to exist, by pool key: `field:userId` → ['u1'], `/api/v1/projects:id` → [...]. */
  seeds?: Record<string, string[]>;
  /**
   * Requests that change what every other request sees (isolating a circuit): sent alone after the
   * rest of their batch, then `afterExclusive` undoes them, so they cannot turn others into 503s.
   */
  exclusive?: (wire: WireRequest) => boolean;
  afterExclusive?: (wire: WireRequest, answer: WireAnswer) => Promise<void>;
  /** Per request; a request without an answer by then is a failure. Default 15 s. */
  timeoutMs?: number;
}

export interface OpenApiFuzzReport {
  seed: number;
  requests: number;
  /** `GET /api/v1/projects/{id}` → status → count. */
  byOperation: Record<string, Record<number, number>>;
}

const envNumber = (name: string): number | undefined => {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
};

/** The defaults a fuzz spec reads: FUZZ_RUNS (requests per service) and FUZZ_SEED. */
export const fuzzSettings = (): { requests: number; seed: number } => ({
  requests: envNumber('FUZZ_RUNS') ?? 2_000,
  seed: envNumber('FUZZ_SEED') ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0,
});

/**
 * Fuzzes every operation of an OpenAPI document over real HTTP with fast-check: schema-valid requests
 * and broken ones (hostile path segments, wrong query types, mutated and malformed JSON, odd headers,
 * bad tokens). Fails on any 5xx or a request left without an answer, naming the requests and the
 * seed; fast-check shrinks a failing batch to the requests that fail.
 */
export async function fuzzOpenApi(options: OpenApiFuzzOptions): Promise<OpenApiFuzzReport> {
  const settings = fuzzSettings();
  const target = options.requests ?? settings.requests;
  const seed = options.seed ?? settings.seed;
  const concurrency = options.concurrency ?? envNumber('FUZZ_CONCURRENCY') ?? 8;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const document =
    options.document ?? ((await (await fetch(`${options.baseUrl}/docs-json`)).json()) as OpenApiDocument);
  const operations = new Map<string, FuzzOperation>(listOperations(document).map((op) => [operationKey(op), op]));
  const weights = options.credentials.map((c) => c.weight ?? 1);
  const request = fc.oneof(...[...operations.values()].map((op) => requestArbitrary(document, op, weights)));
  const values = new ValuePool();
  for (const [key, list] of Object.entries(options.seeds ?? {})) list.forEach((value) => values.add(key, value));
  const report: OpenApiFuzzReport = { seed, requests: 0, byOperation: {} };
  const http = new Pool(options.baseUrl, { connections: concurrency });

  const exchange = async (wire: WireRequest): Promise<string | undefined> => {
    const trace = process.env['FUZZ_VERBOSE'] === '2';
    if (trace)
      process.stderr.write(
        `fuzz> ${wire.method} ${wire.path.slice(0, 120)} ${JSON.stringify(wire.body?.slice(0, 80))}\n`,
      );
    const answer = await send(http, wire, timeoutMs);
    if (trace) process.stderr.write(`fuzz< ${answer.status} ${wire.method} ${wire.path.slice(0, 120)}\n`);
    report.requests++;
    const counts = (report.byOperation[wire.operation] ??= {});
    counts[answer.status] = (counts[answer.status] ?? 0) + 1;
    if (answer.status >= 200 && answer.status < 300 && answer.contentType.includes('json')) {
      try {
        values.harvest(operations.get(wire.operation)?.template ?? '', JSON.parse(answer.text));
      } catch {
        // Not JSON after all: a finding for a contract test, not for this one.
      }
    }
    if (options.exclusive?.(wire)) await options.afterExclusive?.(wire, answer);
    const failure = answer.status >= 500 || answer.error ? describeFailure(wire, answer) : undefined;
    // FUZZ_VERBOSE=1: each failure as it happens, before shrinking repeats it.
    if (failure && process.env['FUZZ_VERBOSE']) process.stderr.write(`fuzz: ${failure}\n`);
    return failure;
  };

  const property = fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: concurrency }), async (batch) => {
    const wires = batch.map((generated) => {
      const op = operations.get(generated.operation) as FuzzOperation;
      return toWire(generated, op.method, op.template, values, options.credentials);
    });
    const alone = wires.filter((wire) => options.exclusive?.(wire));
    const failures = (await Promise.all(wires.filter((wire) => !alone.includes(wire)).map(exchange))).filter(Boolean);
    for (const wire of alone) failures.push(await exchange(wire));
    const found = failures.filter(Boolean);
    if (found.length > 0)
      throw new Error(`${found.length} request(s) got a 5xx or no answer:\n  ${found.join('\n  ')}`);
  });

  try {
    // Batch sizes vary (fast-check shrinks a batch to its failing requests), so rounds go on until
    // the target is met; each round's seed follows from FUZZ_SEED, so one seed replays them all.
    for (let round = 0; report.requests < target; round++) {
      const numRuns = Math.max(1, Math.ceil((target - report.requests) / Math.max(1, concurrency / 2)));
      await fc.assert(property, { seed: seed + round, numRuns, endOnFailure: false });
    }
  } catch (error) {
    (error as Error).message =
      `OpenAPI fuzzing found a failure; replay with FUZZ_SEED=${seed}\n${(error as Error).message}`;
    throw error;
  } finally {
    await http.close();
  }
  const missed = [...operations.keys()].filter((key) => !report.byOperation[key]);
  if (missed.length > 0)
    throw new Error(`OpenAPI fuzzing never reached ${missed.join(', ')} (seed ${seed}); raise FUZZ_RUNS`);
  return report;
}

/**
 * `exclusive`/`afterExclusive` for the admin circuit routes: an isolate that succeeded is reset at
 * once with `adminToken`, before any other request can meet the isolated circuit's 503.
 */
export function undoCircuitIsolation(
  baseUrl: string,
  adminToken: string,
): Pick<OpenApiFuzzOptions, 'exclusive' | 'afterExclusive'> {
  const isolate = /^(\/api\/v1\/admin\/circuits\/[^/?]+)\/isolate(\?|$)/;
  return {
    exclusive: (wire) => wire.method === 'POST' && isolate.test(wire.path),
    afterExclusive: async (wire, answer) => {
      if (answer.status >= 300) return;
      const response = await fetch(`${baseUrl}${isolate.exec(wire.path)?.[1]}/reset`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
      });
      if (!response.ok) throw new Error(`could not reset the circuit isolated by ${wire.path}: ${response.status}`);
    },
  };
}

/** One line per operation: how many answers of each status, to see that the deep paths were reached. */
export function formatFuzzReport(service: string, report: OpenApiFuzzReport): string {
  const lines = Object.entries(report.byOperation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([op, counts]) =>
        `  ${op}: ${Object.entries(counts)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}`,
    );
  return `${service}: ${report.requests} fuzzed requests, seed ${report.seed}, 0 × 5xx\n${lines.join('\n')}`;
}
