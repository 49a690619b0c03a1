import type { z } from 'zod';
import { DownstreamContractError } from '../errors/contract.error';
import { DownstreamRejectedError } from '../errors/rejected.error';
import type { DownstreamProblem } from '../errors/rejected.error';
import type { HttpAnswer } from './http-call.types';

/**
 * What every status of a downstream's answer means, in one place. A client declares the answers it
 * accepts (`{ 200: OwnershipSchema, 404: null }`); everything else is a typed error from here.
 */

/** The body as text (qBittorrent's `Ok.`), or what `schema` reads from that text. */
export interface TextAnswer<S extends TextSchema | undefined = TextSchema | undefined> {
  readonly kind: 'text';
  readonly schema?: S;
}
/** A schema over a text body (`z.string().pipe(…)`): its refusal is a contract error, as for JSON. */
export type TextSchema = z.ZodType<unknown, string>;
/** The body's bytes (a `.torrent` file). */
export interface BytesAnswer {
  readonly kind: 'bytes';
}
/** Status, headers and text, e.g. to read a 3xx's `Location`. */
export interface WholeAnswer {
  readonly kind: 'whole';
}

export function textAnswer(): TextAnswer<undefined>;
export function textAnswer<S extends TextSchema>(schema: S): TextAnswer<S>;
export function textAnswer(schema?: TextSchema): TextAnswer {
  return schema ? { kind: 'text', schema } : { kind: 'text' };
}
export const bytesAnswer = (): BytesAnswer => ({ kind: 'bytes' });
export const wholeAnswer = (): WholeAnswer => ({ kind: 'whole' });

/** A JSON body checked by a schema, no body at all (`null`), or one of the raw readings above. */
export type AnswerSpec = z.ZodType | null | TextAnswer | BytesAnswer | WholeAnswer;
export type Answers = { readonly [status: number]: AnswerSpec };

export type AnswerBody<S> = S extends null
  ? undefined
  : S extends z.ZodType
    ? z.output<S>
    : S extends TextAnswer<infer T>
      ? T extends TextSchema
        ? z.output<T>
        : string
      : S extends BytesAnswer
        ? Buffer
        : S extends WholeAnswer
          ? HttpAnswer
          : never;

/** The union of the declared answers, discriminated by `status`. */
export type Answered<A extends Answers> = {
  [K in keyof A]: K extends number ? { status: K; body: AnswerBody<A[K]> } : never;
}[keyof A];

/** Whether the transport must keep the body's bytes for these answers. */
export function wantsBytes(answers: Answers): boolean {
  return Object.values(answers).some((spec) => isRaw(spec) && spec.kind === 'bytes');
}

/**
 * A 5xx or 429 answer, thrown inside the pipeline so that retry and the breaker see it as a failure.
 * It never leaves the client: the error mapper turns it into a DownstreamUnavailableError.
 */
export class RetryableStatusError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    readonly body: string,
  ) {
    super(`downstream answered ${status}`);
    this.name = 'RetryableStatusError';
  }
}

/** 5xx and 429 are failures of the downstream (retried, counted by the breaker), never answers. */
export function isFailureStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/** The policies retry these; other 5xx count as failures without a retry, other 4xx as neither. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Throws a 5xx/429 answer as a RetryableStatusError for the pipeline; returns anything else. */
export function failOnStatus(answer: HttpAnswer): HttpAnswer {
  if (isFailureStatus(answer.status))
    throw new RetryableStatusError(answer.status, parseRetryAfter(answer.headers['retry-after']), answer.text);
  return answer;
}

/** Retry-After as seconds or as an HTTP date → ms from now. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Turns an answer into the declared `{ status, body }`, or throws: an undeclared 4xx is
 * DownstreamRejectedError (with the RFC 9457 problem when the body is one); an undeclared 2xx/3xx, a
 * body that is not JSON or one its schema refuses is DownstreamContractError.
 */
export function readAnswer<A extends Answers>(downstream: string, answer: HttpAnswer, answers: A): Answered<A> {
  const { status } = answer;
  if (!Object.prototype.hasOwnProperty.call(answers, status)) {
    if (status >= 400) throw new DownstreamRejectedError(downstream, status, problemOf(answer.text));
    throw new DownstreamContractError(downstream, [`status: ${status} is not an answer the client expects`]);
  }
  const spec = answers[status];
  return { status, body: bodyOf(downstream, answer, spec) } as Answered<A>;
}

/** The answer's body as a legacy client reads it: JSON, an empty body as undefined. */
export function parseJson(downstream: string, text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw new DownstreamContractError(downstream, ['the body is not valid JSON'], { cause: error });
  }
}

/** An RFC 9457 problem (or any JSON object) a refusal came with; undefined when it is not JSON. */
export function problemOf(text: string): DownstreamProblem | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as DownstreamProblem) : undefined;
  } catch {
    return undefined;
  }
}

function bodyOf(downstream: string, answer: HttpAnswer, spec: AnswerSpec | undefined): unknown {
  if (spec === null || spec === undefined) return undefined;
  if (isRaw(spec)) {
    if (spec.kind === 'text') return spec.schema ? checkedText(downstream, answer.text, spec.schema) : answer.text;
    if (spec.kind === 'bytes') return answer.bytes ?? Buffer.from(answer.text, 'utf8');
    return answer;
  }
  const body = parseJson(downstream, answer.text);
  const result = spec.safeParse(body);
  if (result.success) return result.data;
  throw new DownstreamContractError(
    downstream,
    result.error.issues.map((issue) => describeIssue(body, issue)),
    { cause: result.error },
  );
}

/** A text body through its schema; a refusal names what came (`got "<html>proxy error…"`). */
function checkedText(downstream: string, text: string, schema: TextSchema): unknown {
  const result = schema.safeParse(text);
  if (result.success) return result.data;
  const seen = JSON.stringify(text.trim().slice(0, 60));
  throw new DownstreamContractError(
    downstream,
    result.error.issues.map((issue) => `body: ${issue.message}, got ${seen}`),
    { cause: result.error },
  );
}

function isRaw(spec: AnswerSpec | undefined): spec is TextAnswer | BytesAnswer | WholeAnswer {
  return spec !== null && spec !== undefined && typeof (spec as { kind?: unknown }).kind === 'string';
}

/** `body.games[0].owned: expected boolean, got string`: where, what the contract says, what came. */
function describeIssue(body: unknown, issue: z.core.$ZodIssue): string {
  const where = issue.path.reduce<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${String(key)}`),
    'body',
  );
  if (issue.code === 'invalid_type')
    return `${where}: expected ${issue.expected}, got ${typeName(valueAt(body, issue.path))}`;
  return `${where}: ${issue.message}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
